package cl.ventanilla.kernel.staff;

import cl.ventanilla.kernel.Rut;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.security.Principal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Where a staff caller may act, one rule for every domain: an operator only at the units an
 * administrator assigned them (usuario_unidades); supervisors and administrators at every unit. A call
 * without a staff caller (the kiosk, a timer) is not a desk's and may act. Each domain refuses in its own
 * words when this says no.
 */
@Stateless
@DeclareRoles({"ADMIN", "SUPERVISOR", "OPERATOR"})
public class StaffUnits {

    @Resource
    SessionContext session;

    @Resource(lookup = "jdbc/ventanilla")
    DataSource dataSource;

    public boolean mayActAt(UUID unitId) {
        if (!session.isCallerInRole("OPERATOR") || session.isCallerInRole("SUPERVISOR")
                || session.isCallerInRole("ADMIN")) {
            return true;
        }
        Principal caller = session.getCallerPrincipal();
        if (caller == null || !Rut.isValid(caller.getName())) {
            return false;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement member = connection.prepareStatement("""
                        SELECT 1 FROM usuario_unidades uu JOIN usuarios u ON u.id = uu.usuario_id
                        WHERE u.rut = ? AND uu.unidad_id = ?""")) {
            member.setString(1, Rut.of(caller.getName()).normalized());
            member.setObject(2, unitId);
            try (ResultSet row = member.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("No se pudo leer las unidades del funcionario", e);
        }
    }
}
