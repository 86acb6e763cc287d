package cl.ventanilla.notifications.control;

import cl.ventanilla.notifications.control.OutboxStore.Outgoing;
import cl.ventanilla.notifications.entity.Letter.Attachment;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.List;

/**
 * One SMTP connection for a batch of mails. Each mail is {@code multipart/mixed}: a
 * {@code multipart/related} holding the text and HTML alternatives and the images the HTML shows
 * ({@code cid:}), then the other attachments (the {@code .ics} invitation).
 */
public final class SmtpMailer implements AutoCloseable {

    private final SmtpSettings settings;
    private final Session session;
    private final String senderName;
    private Transport transport;

    private SmtpMailer(SmtpSettings settings, String senderName) {
        this.settings = settings;
        this.senderName = senderName;
        this.session = Session.getInstance(settings.properties());
    }

    /** Connects (and says EHLO, STARTTLS when offered, AUTH when a user is set); fails fast when down. */
    public static SmtpMailer connect(SmtpSettings settings, String senderName) throws MessagingException {
        SmtpMailer mailer = new SmtpMailer(settings, senderName);
        mailer.reconnect();
        return mailer;
    }

    private void reconnect() throws MessagingException {
        if (transport != null && transport.isConnected()) {
            return;
        }
        transport = session.getTransport("smtp");
        if (settings.authenticates()) {
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
        } else {
            transport.connect();
        }
    }

    /** Sends one mail; returns its Message-ID. */
    public String send(Outgoing mail) throws MessagingException {
        MimeMessage message = message(session, settings.from(), senderName, mail);
        reconnect();
        transport.sendMessage(message, message.getAllRecipients());
        return message.getMessageID();
    }

    static MimeMessage message(Session session, String from, String senderName, Outgoing mail)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        try {
            message.setFrom(senderName == null || senderName.isBlank() ? new InternetAddress(from, true)
                    : new InternetAddress(from, senderName, "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("Content-Language", mail.language());
        message.setHeader("Auto-Submitted", "auto-generated");

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text() == null ? "" : mail.text(), "UTF-8", "plain");
        alternative.addBodyPart(text);
        if (mail.html() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            alternative.addBodyPart(html);
        }
        MimeBodyPart alternativePart = new MimeBodyPart();
        alternativePart.setContent(alternative);

        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(alternativePart);
        List<Attachment> files = mail.attachments();
        for (Attachment image : files.stream().filter(Attachment::inline).toList()) {
            MimeBodyPart part = file(image);
            part.setContentID("<" + image.fileName() + ">");
            part.setDisposition(Part.INLINE);
            related.addBodyPart(part);
        }
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);

        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(relatedPart);
        for (Attachment attachment : files.stream().filter(a -> !a.inline()).toList()) {
            MimeBodyPart part = file(attachment);
            part.setDisposition(Part.ATTACHMENT);
            mixed.addBodyPart(part);
        }
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart file(Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setFileName(attachment.fileName());
        return part;
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the server went away first: nothing left to close
            }
        }
    }
}
