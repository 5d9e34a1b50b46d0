package cn.srdi.app.calendar.web;

import cn.srdi.app.calendar.CalendarCsv;
import cn.srdi.app.calendar.CalendarDay;
import cn.srdi.app.calendar.CalendarException;
import cn.srdi.app.calendar.CalendarYear;
import cn.srdi.app.calendar.Calendars;
import cn.srdi.app.calendar.DayKind;
import cn.srdi.app.calendar.WorkCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar over REST: everyone signed in reads; ADMIN edits (audited). */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "calendar", description = "工作日日历（法定节假日与调休）/ the official working-day calendar (holidays and make-up days)")
class CalendarApi {

    private final Calendars calendars;

    CalendarApi(Calendars calendars) {
        this.calendars = calendars;
    }

    @GetMapping
    @Operation(summary = "各年份概况 / the years of the calendar",
            description = "Every covered year (its State Council notice entered) and every year with entries; covered=false years use the Monday–Friday rule.")
    List<CalendarYear> years() {
        return calendars.years(LocalDate.now(WorkCalendar.ZONE).getYear(), LocalDate.now(WorkCalendar.ZONE).getYear() + 1);
    }

    @GetMapping("/years/{year}")
    @Operation(summary = "一年的节假日与调休 / one year's holidays and make-up days")
    CalendarViews.YearDetail year(@PathVariable("year") String year) {
        int y = CalendarViews.year(year);
        return new CalendarViews.YearDetail(calendars.year(y), calendars.current().exceptions(y));
    }

    @PutMapping("/years/{year}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "声明某年已录入官方通知 / declare a year covered by its official notice",
            description = "ADMIN. Body {\"notice\": \"国办发明电〔…〕…号\"}. Audited.")
    CalendarYear coverYear(@PathVariable("year") String year, @RequestBody CalendarViews.YearInput body) {
        int y = CalendarViews.year(year);
        calendars.coverYear(y, body == null ? null : body.notice());
        return calendars.year(y);
    }

    @DeleteMapping("/years/{year}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "撤销某年的覆盖声明 / withdraw a year's coverage", description = "ADMIN. Entries stay. Audited.")
    ResponseEntity<Void> uncoverYear(@PathVariable("year") String year) {
        return calendars.uncoverYear(CalendarViews.year(year)) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @GetMapping("/days/{date}")
    @Operation(summary = "某日是否工作日 / whether a date is a working day",
            description = "kind: HOLIDAY (法定节假日), WORKDAY (调休上班), WEEKDAY or WEEKEND.")
    CalendarViews.DayInfo day(@PathVariable("date") String date) {
        return CalendarViews.DayInfo.of(calendars.current(), CalendarViews.date(date, "date"));
    }

    @PutMapping("/days/{date}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "新增或修改一个节假日/调休日 / add or change a holiday or make-up day",
            description = "ADMIN. Body {\"kind\": \"HOLIDAY\"|\"WORKDAY\", \"nameZh\": \"春节\", \"nameEn\": \"Spring Festival\"}. Audited.")
    CalendarViews.DayInfo putDay(@PathVariable("date") String date, @RequestBody CalendarViews.DayInput body) {
        LocalDate d = CalendarViews.date(date, "date");
        if (body == null) {
            throw new CalendarException("缺少请求体", "missing request body");
        }
        calendars.putDay(new CalendarDay(d, DayKind.parse(body.kind(), "kind"), body.nameZh(), body.nameEn()));
        return CalendarViews.DayInfo.of(calendars.current(), d);
    }

    @DeleteMapping("/days/{date}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "删除一个节假日/调休日 / remove a holiday or make-up day", description = "ADMIN. Audited.")
    ResponseEntity<Void> deleteDay(@PathVariable("date") String date) {
        return calendars.deleteDay(CalendarViews.date(date, "date")) ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "导入 CSV（每个出现的年份整体替换并声明覆盖）/ import a CSV (replaces each year in it and declares it covered)",
            description = "ADMIN. Body: the CSV, header date,kind,name_zh,name_en (the format of holidays-cn.csv). All or nothing. Audited.")
    Map<String, Object> importCsv(@RequestBody String csv,
                                  @Parameter(description = "reference of the State Council notice") @RequestParam(name = "notice", required = false) String notice) {
        CalendarCsv.Parsed p = calendars.importCsv(csv, notice);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("years", p.years());
        out.put("days", p.days().size());
        return out;
    }

    @GetMapping(path = "/export.csv", produces = "text/csv")
    @Operation(summary = "导出 CSV / export as CSV")
    ResponseEntity<String> export() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"holidays-cn.csv\"")
                .body(CalendarCsv.write(calendars.current().exceptions()));
    }

    @GetMapping("/deadline")
    @Operation(summary = "计算 N 个工作日后的期限 / the deadline N working days after an instant",
            description = "The start's own day is not counted; the period ends at 24:00 Beijing time of the N-th working day after it (ADR 0010). "
                    + "covered=false: a year on the way is not in the calendar, computed Monday–Friday, with a warning.")
    CalendarViews.DeadlineAnswer deadline(
            @Parameter(description = "start, e.g. 2026-09-30T10:00 (Beijing time) or 2026-09-30T02:00:00Z") @RequestParam("start") String start,
            @Parameter(description = "working days, 0..3650") @RequestParam("days") String days) {
        Instant s = CalendarViews.instant(start, "start");
        int n;
        try {
            n = Integer.parseInt(days.trim());
        } catch (NumberFormatException e) {
            throw new CalendarException("days：“" + days + "”不是整数", "days: '" + days + "' is not a whole number");
        }
        if (n > 3650) {
            throw new CalendarException("days：最多 3650 个工作日", "days: at most 3650 working days");
        }
        return CalendarViews.DeadlineAnswer.of(s, n, calendars.current().addWorkingDays(s, n));
    }

    @GetMapping("/between")
    @Operation(summary = "两个时刻之间的工作日 / working days between two instants",
            description = "workingDays: working days after from's date that have ended by to; workingSeconds: the time of [from, to) on working days.")
    CalendarViews.Between between(@RequestParam("from") String from, @RequestParam("to") String to) {
        Instant a = CalendarViews.instant(from, "from");
        Instant b = CalendarViews.instant(to, "to");
        WorkCalendar c = calendars.current();
        LocalDate da = WorkCalendar.dateOf(a);
        LocalDate db = WorkCalendar.dateOf(b);
        WorkCalendar.checkSupported(da, "from", "from");
        WorkCalendar.checkSupported(db, "to", "to");
        return new CalendarViews.Between(a, b, c.workingDaysBetween(a, b), c.workingTimeBetween(a, b).toSeconds(), c.covers(da, db));
    }

    @ExceptionHandler(CalendarException.class)
    ResponseEntity<Map<String, Object>> bad(CalendarException e, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 400);
        body.put("error_zh", e.zh());
        body.put("error_en", e.en());
        body.put("path", request.getRequestURI());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(body);
    }
}
