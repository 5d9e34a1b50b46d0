/**
 * Reading and writing assessment profile files (GRADING.md section 8): CSV (UTF-8, RFC 4180) and
 * XLSX (first sheet).
 *
 * <p>Reading has three stages, so that a caller can parallelise the middle one:
 * <ol>
 *   <li>{@link cn.srdi.engine.io.RawRowSource} (one thread): streams {@link cn.srdi.engine.io.RawRow raw rows}
 *       in file order, in constant memory; whole-file problems are {@link cn.srdi.engine.io.InputFileException}s;</li>
 *   <li>{@link cn.srdi.engine.io.RowConverter} (any thread, stateless): one raw row to a
 *       {@link cn.srdi.engine.io.ReadResult}, with every cell and row-level problem;</li>
 *   <li>{@link cn.srdi.engine.io.DuplicateTracker} (one thread, in row order): credit codes already seen.</li>
 * </ol>
 * {@link cn.srdi.engine.io.ProfileReader} composes them sequentially. {@link cn.srdi.engine.io.ProfileWriter}
 * writes files that read back into equal profiles.
 */
package cn.srdi.engine.io;
