package cl.ventanilla.auth.entity;

/**
 * What an account may do. Staff roles belong to people; device roles to the machines that show or take
 * tickets (a lobby totem signs in as KIOSK, a lobby screen as DISPLAY).
 */
public enum Role {
    ADMIN, SUPERVISOR, OPERATOR, KIOSK, DISPLAY;

    /** Whether this role belongs to a device rather than a person. */
    public boolean isDevice() {
        return this == KIOSK || this == DISPLAY;
    }
}
