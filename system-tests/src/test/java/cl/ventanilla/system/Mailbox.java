package cl.ventanilla.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A real SMTP server (GreenMail) on a loopback port, where the Ventanilla under test sends its email:
 * the tests read what a citizen would find in their inbox.
 */
final class Mailbox {

    private static GreenMail smtp;

    private Mailbox() {
    }

    static synchronized void start(int port) {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
    }

    /** Waits (bounded) for a message to the address whose subject contains the text. */
    static MimeMessage await(String address, String subjectContains, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<MimeMessage> found = to(address).stream()
                    .filter(m -> subject(m).contains(subjectContains)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no email to " + address + " about \"" + subjectContains + "\" within " + within
                + "; received: " + to(address).stream().map(Mailbox::subject).toList());
    }

    static List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(r -> r.toString().contains(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every leaf part of the message (text, HTML, attachments). */
    static List<Part> parts(Part message) throws MessagingException, IOException {
        List<Part> leaves = new ArrayList<>();
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                leaves.addAll(parts(part));
            }
        } else {
            leaves.add(message);
        }
        return leaves;
    }

    /** The plain-text body. */
    static String text(MimeMessage message) throws MessagingException, IOException {
        for (Part part : parts(message)) {
            if (part.isMimeType("text/plain") && part.getFileName() == null) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("no plain-text part in " + subject(message));
    }
}
