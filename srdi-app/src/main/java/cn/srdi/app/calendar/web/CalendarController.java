package cn.srdi.app.calendar.web;

import cn.srdi.app.calendar.CalendarDay;
import cn.srdi.app.calendar.CalendarException;
import cn.srdi.app.calendar.CalendarYear;
import cn.srdi.app.calendar.Calendars;
import cn.srdi.app.calendar.DayKind;
import cn.srdi.app.calendar.WorkCalendar;
import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calendar page (/calendar): a year's months with holidays and make-up days, the list of
 * entries, a deadline calculator; for ADMIN the forms that extend it (a day, a year's coverage,
 * a CSV import). Every signed-in user reads.
 */
@Controller
class CalendarController {

    private final Calendars calendars;

    CalendarController(Calendars calendars) {
        this.calendars = calendars;
    }

    /** One cell of a month grid (null date = padding). */
    record Cell(LocalDate date, boolean working, String kind, String title) {
    }

    /** One month: its name and weeks of 7 cells, Monday first. */
    record Month(YearMonth month, List<List<Cell>> weeks) {
    }

    @GetMapping("/calendar")
    String page(@RequestParam(name = "year", required = false) String year,
                @RequestParam(name = "start", required = false) String start,
                @RequestParam(name = "days", required = false) String days, Model model) {
        WorkCalendar c = calendars.current();
        int thisYear = LocalDate.now(WorkCalendar.ZONE).getYear();
        int y = thisYear;
        String error = null;
        if (year != null && !year.isBlank()) {
            try {
                y = CalendarViews.year(year);
                if (y < WorkCalendar.MIN.getYear() || y > WorkCalendar.MAX.getYear()) {
                    throw new CalendarException("年份 " + y + " 超出支持范围", "year " + y + " is outside the supported range");
                }
            } catch (CalendarException e) {
                error = pick(e);
                y = thisYear;
            }
        }
        CalendarYear info = calendars.year(y);
        model.addAttribute("year", y);
        model.addAttribute("info", info);
        model.addAttribute("years", calendars.years(thisYear, thisYear + 1, y));
        model.addAttribute("days", c.exceptions(y));
        model.addAttribute("months", months(c, y));
        model.addAttribute("isAdmin", CurrentUser.scope().role() == Role.ADMIN);
        model.addAttribute("kinds", DayKind.values());
        model.addAttribute("near", calendars.nearThreshold());
        if (start != null && !start.isBlank()) {
            model.addAttribute("calcStart", start);
            model.addAttribute("calcDays", days);
            try {
                Instant s = CalendarViews.instant(start, "start");
                int n = Integer.parseInt(days == null ? "" : days.trim());
                if (n < 0 || n > 3650) {
                    throw new CalendarException("工作日数应在 0 到 3650 之间：" + n, "working days must be between 0 and 3650: " + n);
                }
                model.addAttribute("calc", CalendarViews.DeadlineAnswer.of(s, n, c.addWorkingDays(s, n)));
                model.addAttribute("calcDue", LocalDateTime.ofInstant(c.addWorkingDays(s, n).due(), WorkCalendar.ZONE)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
            } catch (NumberFormatException e) {
                error = cn.srdi.app.web.Lang.pick("工作日数“" + days + "”不是整数", "working days '" + days + "' is not a whole number");
            } catch (CalendarException e) {
                error = pick(e);
            }
        }
        if (error != null) {
            model.addAttribute("error", error);
        }
        return "calendar/index";
    }

    @PostMapping("/calendar/days")
    @PreAuthorize("hasRole('ADMIN')")
    String putDay(@RequestParam("date") String date, @RequestParam("kind") String kind,
                  @RequestParam(name = "nameZh", required = false) String nameZh,
                  @RequestParam(name = "nameEn", required = false) String nameEn, RedirectAttributes redirect) {
        int y = LocalDate.now(WorkCalendar.ZONE).getYear();
        try {
            LocalDate d = CalendarViews.date(date, cn.srdi.app.web.Lang.pick("日期", "date"));
            y = d.getYear();
            calendars.putDay(new CalendarDay(d, DayKind.parse(kind, "kind"), nameZh, nameEn));
            redirect.addFlashAttribute("saved", d.toString());
        } catch (CalendarException e) {
            redirect.addFlashAttribute("error", pick(e));
        }
        return "redirect:/calendar?year=" + y;
    }

    @PostMapping("/calendar/days/{date}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String deleteDay(@PathVariable("date") String date, RedirectAttributes redirect) {
        int y = LocalDate.now(WorkCalendar.ZONE).getYear();
        try {
            LocalDate d = CalendarViews.date(date, "date");
            y = d.getYear();
            calendars.deleteDay(d);
            redirect.addFlashAttribute("saved", d.toString());
        } catch (CalendarException e) {
            redirect.addFlashAttribute("error", pick(e));
        }
        return "redirect:/calendar?year=" + y;
    }

    @PostMapping("/calendar/years")
    @PreAuthorize("hasRole('ADMIN')")
    String coverYear(@RequestParam("year") String year, @RequestParam(name = "notice", required = false) String notice,
                     RedirectAttributes redirect) {
        int y = LocalDate.now(WorkCalendar.ZONE).getYear();
        try {
            y = CalendarViews.year(year);
            calendars.coverYear(y, notice);
            redirect.addFlashAttribute("saved", String.valueOf(y));
        } catch (CalendarException e) {
            redirect.addFlashAttribute("error", pick(e));
        }
        return "redirect:/calendar?year=" + y;
    }

    @PostMapping("/calendar/years/{year}/uncover")
    @PreAuthorize("hasRole('ADMIN')")
    String uncoverYear(@PathVariable("year") String year, RedirectAttributes redirect) {
        int y = LocalDate.now(WorkCalendar.ZONE).getYear();
        try {
            y = CalendarViews.year(year);
            calendars.uncoverYear(y);
            redirect.addFlashAttribute("saved", String.valueOf(y));
        } catch (CalendarException e) {
            redirect.addFlashAttribute("error", pick(e));
        }
        return "redirect:/calendar?year=" + y;
    }

    @PostMapping("/calendar/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importCsv(@RequestParam("csv") String csv, @RequestParam(name = "notice", required = false) String notice,
                     RedirectAttributes redirect) {
        try {
            var parsed = calendars.importCsv(csv, notice);
            redirect.addFlashAttribute("saved", parsed.years().toString());
            return "redirect:/calendar?year=" + parsed.years().first();
        } catch (CalendarException e) {
            redirect.addFlashAttribute("error", pick(e));
            redirect.addFlashAttribute("csv", csv);
            return "redirect:/calendar";
        }
    }

    private static String pick(CalendarException e) {
        return cn.srdi.app.web.Lang.pick(e.zh(), e.en());
    }

    static List<Month> months(WorkCalendar c, int year) {
        List<Month> out = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            List<List<Cell>> weeks = new ArrayList<>();
            List<Cell> week = new ArrayList<>();
            for (int pad = 1; pad < ym.atDay(1).getDayOfWeek().getValue(); pad++) {
                week.add(new Cell(null, false, "", ""));
            }
            for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                LocalDate date = ym.atDay(d);
                CalendarViews.DayInfo info = CalendarViews.DayInfo.of(c, date);
                week.add(new Cell(date, info.working(), info.kind(),
                        info.nameZh().isEmpty() ? "" : cn.srdi.app.web.Lang.pick(info.nameZh(), info.nameEn())));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(new Cell(null, false, "", ""));
                }
                weeks.add(week);
            }
            out.add(new Month(ym, weeks));
        }
        return out;
    }
}
