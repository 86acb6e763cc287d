package cl.ventanilla.admin;

import cl.ventanilla.backup.boundary.Backups;
import cl.ventanilla.backup.entity.BackupFile;
import cl.ventanilla.kernel.DomainException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;

/**
 * {@code /admin/respaldos/<name>}: a finished backup's file for an administrator (web.xml allows ADMIN
 * only), with its SHA-256 in {@code Repr-Digest}. Anything that is not a listed backup answers 404.
 */
@WebServlet("/respaldos/*")
public class BackupDownload extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Backups backups;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        BackupFile backup;
        try {
            backup = backups.backup(name);
        } catch (DomainException notABackup) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/gzip");
        response.setContentLengthLong(backup.sizeBytes());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + backup.name() + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Repr-Digest", backup.reprDigest());
        try (OutputStream out = response.getOutputStream()) {
            Files.copy(backups.file(name), out);
        }
    }
}
