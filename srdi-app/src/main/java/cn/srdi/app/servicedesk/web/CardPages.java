package cn.srdi.app.servicedesk.web;

import cn.srdi.app.grading.GradingService;
import cn.srdi.app.identity.Role;
import cn.srdi.app.identity.SrdiUser;
import cn.srdi.app.servicedesk.FirmCard;
import cn.srdi.app.servicedesk.FirmCodes;
import cn.srdi.app.servicedesk.ServiceDesk;
import cn.srdi.app.web.BilingualException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What a scan of an enterprise code opens (public, mobile-first): the firm's public card and, for
 * the firm's own logged-in user, its services. A token that is malformed, forged, rotated away or
 * revoked gets one and the same 404, so a guesser learns nothing.
 */
@Controller
class CardPages {

    private final FirmCodes codes;
    private final FirmCard cards;
    private final ServiceDesk desk;
    private final GradingService grading;

    CardPages(FirmCodes codes, FirmCard cards, ServiceDesk desk, GradingService grading) {
        this.codes = codes;
        this.cards = cards;
        this.desk = desk;
        this.grading = grading;
    }

    @GetMapping("/c/{token}")
    String card(@PathVariable("token") String token, Model model) {
        String code = codes.verify(token).orElseThrow(() -> BilingualException.notFound(
                "企业码无效或已作废，请向园区索取新码", "this enterprise code is invalid or no longer in use; ask the park for a new one"));
        FirmCard.Card card = cards.of(code, desk.now().toLocalDate()).orElseThrow(() -> BilingualException.notFound(
                "企业码无效或已作废，请向园区索取新码", "this enterprise code is invalid or no longer in use; ask the park for a new one"));
        model.addAttribute("card", card);
        model.addAttribute("token", token);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        SrdiUser user = auth != null && auth.getPrincipal() instanceof SrdiUser u ? u : null;
        boolean own = user != null && user.role() == Role.ENTERPRISE && code.equals(user.scope().creditCode());
        model.addAttribute("own", own);
        model.addAttribute("otherUser", user != null && !own);
        if (own) {
            model.addAttribute("grade", FirmGradeGap.of(grading, user.scope(), code).orElse(null));
        }
        return "servicedesk/card";
    }
}
