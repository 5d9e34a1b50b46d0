package cn.srdi.app.servicedesk;

/** A department (职能部门) that handles requests; one is the coordinator (统筹部门). */
public record Department(String id, String nameZh, String nameEn, String supervisor, boolean coordinating) {

    public String label(boolean zh) {
        return zh ? nameZh : nameEn;
    }
}
