/**
 * Titles after recognition (动态管理) on the registry's titles ({@code registry.Title}).
 * <ul>
 * <li>States and the explicit transition table: {@link cn.srdi.app.titles.TitleState},
 * {@link cn.srdi.app.titles.Transitions}; illegal steps are refused with a bilingual 409, every
 * step is audited (entity {@code title}: actor, reason, before, after).</li>
 * <li>Yearly data update deadline per rule set ({@link cn.srdi.app.titles.UpdateDeadlines}: April 30
 * under cn-2022, May 31 under cn-2026): reminders before it, after it firms without the fiscal-year
 * indicators are flagged and lose re-review eligibility.</li>
 * <li>Re-review: the firm is re-graded through {@code grading.GradingService} with application
 * type REVIEW (the engine applies the rule set and transition rules in force); pass extends the
 * validity by 3 years, fail lets the title lapse at expiry.</li>
 * <li>Revocation for the grounds of the rules with a 3-year ban; data fraud revokes every title.</li>
 * <li>Major-change reports within 3 months, acknowledged by officials; late ones marked.</li>
 * <li>Daily jobs at 01:30 Asia/Shanghai ({@code TitleJobs}) read "today" from the platform
 * {@link java.time.Clock} bean; they are idempotent.</li>
 * </ul>
 *
 * <h2>API for other modules</h2>
 * {@link cn.srdi.app.titles.Bans}: {@code bans.activeBan(creditCode, tier, onDate)} gives the ban
 * that forbids an application (ground, reason, start, end), {@code bans.requireNoBan(...)} refuses
 * with a bilingual 409 — cultivation calls it when a firm applies.
 */
package cn.srdi.app.titles;
