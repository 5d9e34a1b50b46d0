package cn.srdi.app.registry.web;

import cn.srdi.app.identity.CurrentUser;
import cn.srdi.app.identity.Scope;
import cn.srdi.app.registry.FirmDirectory;
import cn.srdi.app.registry.imports.ImportBatch;
import cn.srdi.app.registry.imports.ImportService;
import cn.srdi.app.web.BilingualException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Import pages: upload form and past imports ({@code /imports}), a batch's preview or result ({@code /imports/{id}}). */
@Controller
class ImportPages {

    static final int PROBLEMS_PER_PAGE = 50;

    private final ImportService imports;
    private final FirmDirectory directory;

    ImportPages(ImportService imports, FirmDirectory directory) {
        this.imports = imports;
        this.directory = directory;
    }

    @GetMapping("/imports")
    String list(Model model) {
        Scope scope = CurrentUser.scope();
        CurrentUser.require(scope.canImport(), "数据导入 / imports");
        model.addAttribute("batches", imports.list(scope, 100));
        model.addAttribute("scope", scope);
        return "registry/imports";
    }

    @PostMapping("/imports")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response) throws IOException {
        Scope scope = CurrentUser.scope();
        CurrentUser.require(scope.canImport(), "数据导入 / imports");
        try {
            if (file == null || file.isEmpty()) {
                throw BilingualException.badRequest("请选择要上传的文件(文件不能为空)", "choose a file to upload (it must not be empty)");
            }
            ImportBatch b = imports.upload(scope, file.getOriginalFilename(), file.getInputStream());
            return "redirect:/imports/" + b.id();
        } catch (BilingualException e) {
            response.setStatus(e.status().value());
            model.addAttribute("errorZh", e.zh());
            model.addAttribute("errorEn", e.en());
            return list(model);
        }
    }

    @GetMapping("/imports/{id}")
    String batch(@PathVariable("id") long id, @RequestParam(name = "page", defaultValue = "0") int page, Model model,
                 HttpServletRequest request) {
        Scope scope = CurrentUser.scope();
        ImportBatch b = imports.require(scope, id);
        long problems = imports.problemCount(id);
        int pages = (int) Math.max(1, (problems + PROBLEMS_PER_PAGE - 1) / PROBLEMS_PER_PAGE);
        int p = Math.max(0, Math.min(page, pages - 1));
        model.addAttribute("batch", b);
        model.addAttribute("problemCount", problems);
        model.addAttribute("problemPage", p);
        model.addAttribute("problemPages", pages);
        model.addAttribute("problems", imports.problems(id, p * PROBLEMS_PER_PAGE, PROBLEMS_PER_PAGE));
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "registry/import :: problems";
        }
        model.addAttribute("sample", b.preview() || b.committed() ? imports.sample(id, 20) : java.util.List.of());
        model.addAttribute("changes", b.committed() ? directory.changesOfImport(id, 0, 100) : java.util.List.of());
        model.addAttribute("parks", directory.parkNames());
        return "registry/import";
    }

    @PostMapping("/imports/{id}/commit")
    String commit(@PathVariable("id") long id) {
        imports.commit(CurrentUser.scope(), id);
        return "redirect:/imports/" + id;
    }

    @PostMapping("/imports/{id}/discard")
    String discard(@PathVariable("id") long id) {
        imports.discard(CurrentUser.scope(), id);
        return "redirect:/imports/" + id;
    }
}
