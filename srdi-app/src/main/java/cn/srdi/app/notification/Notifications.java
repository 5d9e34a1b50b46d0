package cn.srdi.app.notification;

import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.web.BilingualException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public API of notifications (see {@code package-info}): other modules call
 * {@link #notify(Recipient, String, String, String, String, String, LocalDate)} when a step needs
 * someone's action and {@link #complete(String, String)} when the step is done.
 */
@Service
public class Notifications {

    static final int TITLE_MAX = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationMailer mailer;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    Notifications(JdbcClient jdbc, Clock clock, NotificationMailer mailer, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.batch = batch;
        this.jdbc = jdbc;
        this.clock = clock;
        this.mailer = mailer;
    }

    /**
     * Gives every user the recipient resolves to a to-do (and an e-mail when SMTP is configured,
     * sent after the caller's transaction commits). A user who already has an open to-do of the same
     * kind and subject gets no second one. Joins the caller's transaction.
     *
     * @param to         who
     * @param kind       a short code of the step, e.g. {@code TITLE_UPDATE_DUE} (≤ 48 characters)
     * @param subjectRef what it is about, e.g. {@code title:12}; {@link #complete} closes by it (may be null)
     * @param titleZh    the text in Chinese
     * @param titleEn    the text in English
     * @param link       the page to act on: a path of this platform starting with {@code /} (may be null)
     * @param due        the due date of the step (may be null)
     * @return the ids of the notifications made (empty when nobody matched or all had it open already)
     */
    @Transactional
    public List<Long> notify(Recipient to, String kind, String subjectRef, String titleZh, String titleEn, String link,
                             LocalDate due) {
        check(kind, titleZh, titleEn, link);
        LocalDateTime now = LocalDateTime.now(clock);
        List<Long> ids = new ArrayList<>();
        for (String user : resolve(to)) {
            boolean open = (subjectRef == null
                    ? jdbc.sql("select count(*) from notification where recipient = ? and kind = ? and status = 'OPEN' "
                            + "and subject_ref is null").params(user, kind)
                    : jdbc.sql("select count(*) from notification where recipient = ? and kind = ? and status = 'OPEN' "
                            + "and subject_ref = ?").params(user, kind, subjectRef)).query(Long.class).single() > 0;
            if (open) {
                continue;
            }
            var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("insert into notification (recipient, kind, subject_ref, title_zh, title_en, link, due_on, created_at, status) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')")
                    .params(user, kind, subjectRef, clip(titleZh), clip(titleEn), link, due, Timestamp.valueOf(now))
                    .update(key, "id");
            long id = key.getKey().longValue();
            ids.add(id);
            mailer.queue(id, user, titleZh, titleEn, link, due, now);
        }
        if (!ids.isEmpty()) {
            mailer.sendAfterCommit();
        }
        return ids;
    }

    /**
     * To-dos about a subject that is new in the caller's transaction (e.g. a request just raised), for
     * each of these users that is enabled: as {@link #notify(Recipient, String, String, String, String,
     * String, LocalDate)} for each of them, but nobody can hold an open to-do about a new subject yet,
     * so there is no check for one, and the rows are written in one JDBC batch.
     *
     * @return the ids of the notifications made
     */
    @Transactional
    public List<Long> notifyNew(java.util.Collection<String> usernames, String kind, String subjectRef, String titleZh,
                                String titleEn, String link, LocalDate due) {
        java.util.Objects.requireNonNull(subjectRef, "subjectRef");
        return notifyNewEach(kind, link, due,
                usernames.stream().map(u -> new NewTodo(u, subjectRef, titleZh, titleEn)).toList());
    }

    /** One to-do of {@link #notifyNewEach}: who, about which new subject, and its text. */
    public record NewTodo(String username, String subjectRef, String titleZh, String titleEn) {
    }

    /**
     * To-dos of one kind about subjects that are all new in the caller's transaction (e.g. the review
     * tasks of a round's expert draw), each to its user when that user is enabled, in one JDBC batch;
     * no check for an open to-do of the same subject (there can be none yet).
     *
     * @return the ids of the notifications made, in the order of {@code todos} (users not enabled skipped)
     */
    @Transactional
    public List<Long> notifyNewEach(String kind, String link, LocalDate due, List<NewTodo> todos) {
        return notifyNewEach(kind, link, due, todos, false);
    }

    /**
     * One to-do of {@link #notifyNewToEnabled}: who, about which new subject, its text, the page to act
     * on and its due date (as for {@link #notify(Recipient, String, String, String, String, String, LocalDate)}).
     */
    public record Todo(String username, String subjectRef, String titleZh, String titleEn, String link, LocalDate due) {
    }

    /**
     * To-dos of one kind about subjects that are all new in the caller's transaction, for users the
     * caller has just read as enabled in that transaction (e.g. the members of the departments that
     * new service desk requests were routed to): as {@link #notifyNewEach} without reading
     * {@code app_user} again, each to-do with its own link and due date, all in one JDBC batch (the
     * intakes of many firms written together).
     *
     * @return the ids of the notifications made, in the order of {@code todos}
     */
    @Transactional
    public List<Long> notifyNewToEnabled(String kind, List<Todo> todos) {
        return insertNew(kind, todos, true);
    }

    private List<Long> notifyNewEach(String kind, String link, LocalDate due, List<NewTodo> todos, boolean enabledKnown) {
        return insertNew(kind, todos.stream().map(t -> new Todo(t.username(), t.subjectRef(), t.titleZh(), t.titleEn(), link, due))
                .toList(), enabledKnown);
    }

    private List<Long> insertNew(String kind, List<Todo> todos, boolean enabledKnown) {
        for (Todo t : todos) {
            check(kind, t.titleZh(), t.titleEn(), t.link());
            java.util.Objects.requireNonNull(t.subjectRef(), "subjectRef");
        }
        if (todos.isEmpty()) {
            return List.of();
        }
        List<String> distinct = todos.stream().map(Todo::username).distinct().toList();
        java.util.Set<String> enabled = new java.util.HashSet<>(enabledKnown ? distinct : List.of());
        for (int from = 0; !enabledKnown && from < distinct.size(); from += 500) {
            List<String> part = distinct.subList(from, Math.min(distinct.size(), from + 500));
            enabled.addAll(jdbc.sql("select username from app_user where enabled = true and username in ("
                            + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")")
                    .params(List.copyOf(part)).query(String.class).list());
        }
        List<Todo> rows = todos.stream().filter(t -> enabled.contains(t.username())).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Timestamp at = Timestamp.valueOf(now);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        batch.batchUpdate(con -> con.prepareStatement("insert into notification (recipient, kind, subject_ref, title_zh, "
                        + "title_en, link, due_on, created_at, status) values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')", new String[] {"id"}),
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
                        Todo t = rows.get(i);
                        ps.setString(1, t.username());
                        ps.setString(2, kind);
                        ps.setString(3, t.subjectRef());
                        ps.setString(4, clip(t.titleZh()));
                        ps.setString(5, clip(t.titleEn()));
                        ps.setString(6, t.link());
                        ps.setObject(7, t.due() == null ? null : java.sql.Date.valueOf(t.due()), java.sql.Types.DATE);
                        ps.setTimestamp(8, at);
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                }, keys);
        List<Long> ids = new ArrayList<>();
        for (var k : keys.getKeyList()) {
            ids.add(((Number) k.get(k.containsKey("id") ? "id" : k.keySet().iterator().next())).longValue());
        }
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("notification batch: " + rows.size() + " rows, " + ids.size() + " keys");
        }
        for (int i = 0; i < ids.size(); i++) {
            Todo t = rows.get(i);
            mailer.queue(ids.get(i), t.username(), t.titleZh(), t.titleEn(), t.link(), t.due(), now);
        }
        mailer.sendAfterCommit();
        return ids;
    }

    /** {@link #notify(Recipient, String, String, String, String, String, LocalDate)} without a subject. */
    @Transactional
    public List<Long> notify(Recipient to, String kind, String titleZh, String titleEn, String link, LocalDate due) {
        return notify(to, kind, null, titleZh, titleEn, link, due);
    }

    /**
     * Closes every open to-do of the kind about the subject, for every recipient (the step was
     * done, by whoever did it); the current user is recorded as having done it.
     *
     * @return how many were closed
     */
    @Transactional
    public int complete(String kind, String subjectRef) {
        return jdbc.sql("update notification set status = 'DONE', done_at = ?, done_by = ? "
                        + "where kind = ? and subject_ref = ? and status = 'OPEN'")
                .params(Timestamp.valueOf(LocalDateTime.now(clock)), CurrentUser.name(), kind, subjectRef).update();
    }

    /** Closes every open to-do about the subject, whatever its kind. */
    @Transactional
    public int completeSubject(String subjectRef) {
        return jdbc.sql("update notification set status = 'DONE', done_at = ?, done_by = ? "
                        + "where subject_ref = ? and status = 'OPEN'")
                .params(Timestamp.valueOf(LocalDateTime.now(clock)), CurrentUser.name(), subjectRef).update();
    }

    /** True when a notification of the kind about the subject was ever made (open or done): for jobs that remind once. */
    public boolean exists(String kind, String subjectRef) {
        return jdbc.sql("select count(*) from notification where kind = ? and subject_ref = ?")
                .params(kind, subjectRef).query(Long.class).single() > 0;
    }

    /** The user's notifications, newest first: {@code OPEN}, {@code DONE} or null for all. */
    public List<Notice> of(String username, String status, int limit) {
        String where = status == null ? "" : " and status = :s";
        var spec = jdbc.sql("select id, recipient, kind, subject_ref, title_zh, title_en, link, due_on, created_at, status, "
                + "done_at, done_by from notification where recipient = :u" + where
                + " order by case when status = 'OPEN' then 0 else 1 end, due_on, id desc fetch first "
                + Math.max(1, Math.min(limit, 1000)) + " rows only").param("u", username);
        if (status != null) {
            spec = spec.param("s", status);
        }
        return spec.query((rs, n) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(), rs.getTimestamp(9).toLocalDateTime(),
                rs.getString(10), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toLocalDateTime(),
                rs.getString(12))).list();
    }

    /** Open to-dos of the user (the badge). */
    public long openCount(String username) {
        return jdbc.sql("select count(*) from notification where recipient = ? and status = 'OPEN'")
                .param(username).query(Long.class).single();
    }

    Notice byId(long id) {
        return jdbc.sql("select id, recipient, kind, subject_ref, title_zh, title_en, link, due_on, created_at, status, "
                        + "done_at, done_by from notification where id = ?").param(id)
                .query((rs, n) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(), rs.getTimestamp(9).toLocalDateTime(),
                        rs.getString(10), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toLocalDateTime(),
                        rs.getString(12))).single();
    }

    /** Open to-dos of everyone about a subject (to check a step's to-dos). */
    public List<Notice> openAbout(String kind, String subjectRef) {
        return jdbc.sql("select id, recipient, kind, subject_ref, title_zh, title_en, link, due_on, created_at, status, "
                        + "done_at, done_by from notification where kind = ? and subject_ref = ? and status = 'OPEN' order by id")
                .params(kind, subjectRef)
                .query((rs, n) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(), rs.getTimestamp(9).toLocalDateTime(),
                        rs.getString(10), null, null)).list();
    }

    /** Open to-dos of a kind, of everyone (for jobs that close the ones whose step was done meanwhile). */
    public List<Notice> openOfKind(String kind) {
        return jdbc.sql("select id, recipient, kind, subject_ref, title_zh, title_en, link, due_on, created_at, status, "
                        + "done_at, done_by from notification where kind = ? and status = 'OPEN' order by id")
                .param(kind)
                .query((rs, n) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(), rs.getTimestamp(9).toLocalDateTime(),
                        rs.getString(10), null, null)).list();
    }

    /**
     * The user marks one of their own notifications done; another user's (or an unknown id) is
     * "not found", so ids reveal nothing.
     */
    @Transactional
    public Notice markDone(String username, long id) {
        long mine = jdbc.sql("select count(*) from notification where id = ? and recipient = ?").params(id, username)
                .query(Long.class).single();
        if (mine == 0) {
            throw BilingualException.notFound("未找到通知 " + id, "no notification " + id);
        }
        jdbc.sql("update notification set status = 'DONE', done_at = ?, done_by = ? "
                        + "where id = ? and recipient = ? and status = 'OPEN'")
                .params(Timestamp.valueOf(LocalDateTime.now(clock)), username, id, username).update();
        return byId(id);
    }

    /** The user's own e-mail address for notifications (null when none is set). */
    public String emailOf(String username) {
        return jdbc.sql("select email from notification_email where username = ?").param(username)
                .query(String.class).optional().orElse(null);
    }

    /** Sets (or clears with blank) the user's e-mail address for notifications. */
    @Transactional
    public void setEmail(String username, String email) {
        jdbc.sql("delete from notification_email where username = ?").param(username).update();
        if (email == null || email.isBlank()) {
            return;
        }
        String e = email.strip();
        if (e.length() > 128 || !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw BilingualException.badRequest("电子邮箱格式不正确：" + e, "not a valid e-mail address: " + e);
        }
        jdbc.sql("insert into notification_email (username, email) values (?, ?)").params(username, e).update();
    }

    Set<String> resolve(Recipient to) {
        List<String> users = switch (to.kind()) {
            case USER -> jdbc.sql("select username from app_user where username = ? and enabled = true")
                    .param(to.username()).query(String.class).list();
            case ROLE -> jdbc.sql("select username from app_user where role = ? and enabled = true order by username")
                    .param(to.role().name()).query(String.class).list();
            case FIRM -> jdbc.sql("select username from app_user where role = 'ENTERPRISE' and credit_code = ? "
                    + "and enabled = true order by username").param(to.creditCode()).query(String.class).list();
            case PARK_OF_FIRM -> jdbc.sql("select u.username from app_user u join user_park p on p.username = u.username "
                            + "join enterprise e on e.park_id = p.park_id where e.credit_code = ? and u.role = 'PARK_OPERATOR' "
                            + "and u.enabled = true order by u.username")
                    .param(to.creditCode()).query(String.class).list();
            case PARK -> jdbc.sql("select u.username from app_user u join user_park p on p.username = u.username "
                            + "where p.park_id = ? and u.role = 'PARK_OPERATOR' and u.enabled = true order by u.username")
                    .param(to.parkId()).query(String.class).list();
        };
        return new LinkedHashSet<>(users);
    }

    static void check(String kind, String titleZh, String titleEn, String link) {
        if (kind == null || kind.isBlank() || kind.length() > 48) {
            throw BilingualException.badRequest("通知类别须为 1 至 48 个字符：" + kind,
                    "notification kind must have 1 to 48 characters: " + kind);
        }
        if (titleZh == null || titleZh.isBlank() || titleEn == null || titleEn.isBlank()) {
            throw BilingualException.badRequest("通知须有中文和英文标题", "a notification needs a Chinese and an English title");
        }
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.length() > 500)) {
            throw BilingualException.badRequest("通知链接须为本平台以 / 开头的路径：" + link,
                    "a notification link must be a path of this platform starting with /: " + link);
        }
    }

    private static String clip(String s) {
        return s.length() <= TITLE_MAX ? s : s.substring(0, TITLE_MAX);
    }
}
