/**
 * Cultivation lifecycle up to recognition (全生命周期梯度培育): the cultivation pool fed by automatic
 * discovery after every region grade, application rounds per rung, cases with self-evaluation and
 * evidence, the configurable review flow (district → municipal → expert, random conflict-free
 * expert assignment, blind where configured), the public notice with objections and recognition
 * into the registry. Every case transition goes through {@link cn.srdi.app.cultivation.Transitions}
 * and the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "cultivation")
package cn.srdi.app.cultivation;
