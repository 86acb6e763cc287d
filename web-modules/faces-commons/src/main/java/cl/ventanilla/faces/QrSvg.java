package cl.ventanilla.faces;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code drawn as inline SVG on the server, so the printed ticket needs no image request and no
 * script: one square per dark module on a white background with the standard quiet zone of 4 modules.
 */
public final class QrSvg {

    /** The white margin the QR specification asks for, in modules. */
    static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    /** The SVG of a QR code for the text (medium error correction), sized by CSS through its viewBox. */
    public static String of(String text, String label) {
        return draw(QrCode.encodeText(text, QrCode.Ecc.MEDIUM), label);
    }

    static String draw(QrCode qr, String label) {
        int side = qr.size + 2 * QUIET_ZONE;
        StringBuilder svg = new StringBuilder(qr.size * qr.size * 24)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" viewBox=\"0 0 ")
                .append(side).append(' ').append(side).append("\" shape-rendering=\"crispEdges\" aria-label=\"")
                .append(escape(label)).append("\">")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><g fill=\"#000\">");
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    svg.append("<rect x=\"").append(x + QUIET_ZONE).append("\" y=\"").append(y + QUIET_ZONE)
                            .append("\" width=\"1\" height=\"1\"/>");
                }
            }
        }
        return svg.append("</g></svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
