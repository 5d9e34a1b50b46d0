package cn.srdi.app.servicedesk.web;

import cn.srdi.app.servicedesk.ServiceDesk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** Multipart files to the service's uploads (empty file inputs left out). */
final class Uploads {

    private Uploads() {
    }

    static List<ServiceDesk.Upload> of(List<MultipartFile> files) {
        List<ServiceDesk.Upload> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (MultipartFile f : files) {
            if (f == null || f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                out.add(new ServiceDesk.Upload(f.getOriginalFilename(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The client address of a request (the direct peer; a proxy in front must be trusted explicitly). */
    static String address(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
