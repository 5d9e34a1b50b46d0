package cn.srdi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

class PageModelTest {

    @Test
    void onlyRenderedPagesGetTheLayoutModel() {
        assertThat(PageModel.rendersPage(null)).as("a response body (REST)").isFalse();
        assertThat(PageModel.rendersPage(new ModelAndView())).as("no view").isFalse();
        assertThat(PageModel.rendersPage(new ModelAndView("redirect:/todo"))).isFalse();
        assertThat(PageModel.rendersPage(new ModelAndView("forward:/todo"))).isFalse();
        assertThat(PageModel.rendersPage(new ModelAndView(new RedirectView("/todo")))).isFalse();
        assertThat(PageModel.rendersPage(new ModelAndView("notification/todo"))).isTrue();
    }

    @Test
    void theLayoutModelIsAddedToPagesAndNotToRedirects() {
        ModelAndView page = new ModelAndView("dashboard/index");
        new PageModel().postHandle(null, null, null, page);
        assertThat(page.getModel()).containsKeys("me", "zh");
        ModelAndView redirect = new ModelAndView("redirect:/");
        new PageModel().postHandle(null, null, null, redirect);
        assertThat(redirect.getModel()).doesNotContainKeys("me", "zh");
    }
}
