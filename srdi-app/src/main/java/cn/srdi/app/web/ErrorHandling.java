package cn.srdi.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors as users should see them: a bilingual message, never a stack trace. API requests
 * ({@code /api/}) get JSON {@code {status, error_zh, error_en, path}}; pages get the error page.
 */
@ControllerAdvice
public class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @ExceptionHandler(BilingualException.class)
    public Object bilingual(BilingualException e, HttpServletRequest request) {
        return respond(request, e.status(), e.zh(), e.en());
    }

    @ExceptionHandler(AccessDeniedException.class)
    public Object denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.FORBIDDEN, "无权访问此资源", "you are not allowed to access this resource");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            IllegalArgumentException.class})
    public Object badRequest(Exception e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, "请求参数有误：" + e.getMessage(),
                "bad request: " + e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(request, HttpStatus.PAYLOAD_TOO_LARGE, "上传文件过大", "the uploaded file is too large");
    }

    @ExceptionHandler(Exception.class)
    public Object unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse) {
            throw e; // let Spring answer 404/405/… itself
        }
        log.error("unexpected error on {}", request.getRequestURI(), e);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "系统内部错误，请稍后重试或联系管理员",
                "internal error; please retry later or contact the administrator");
    }

    static Object respond(HttpServletRequest request, HttpStatus status, String zh, String en) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status.value());
            body.put("error_zh", zh);
            body.put("error_en", en);
            body.put("path", request.getRequestURI());
            return ResponseEntity.status(status).body(body);
        }
        ModelAndView mv = new ModelAndView("error");
        mv.setStatus(status);
        mv.addObject("status", status.value());
        mv.addObject("messageZh", zh);
        mv.addObject("messageEn", en);
        mv.addObject("zh", Lang.zh()); // @ModelAttribute advice does not run for views of exception handlers
        return mv;
    }
}
