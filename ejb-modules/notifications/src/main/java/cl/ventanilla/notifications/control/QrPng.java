package cl.ventanilla.notifications.control;

import io.nayuki.qrcodegen.QrCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A QR code as a PNG image for a mail (mail clients do not show inline SVG): black modules on white,
 * the quiet zone of 4 modules the specification asks for, 8 pixels per module. Drawn in memory, so it
 * works on a headless server.
 */
public final class QrPng {

    static final int QUIET_ZONE = 4;
    static final int SCALE = 8;

    private QrPng() {
    }

    public static byte[] of(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int side = (qr.size + 2 * QUIET_ZONE) * SCALE;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean dark = qr.getModule(x / SCALE - QUIET_ZONE, y / SCALE - QUIET_ZONE);
                image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(4096);
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
