package fr.passerelle.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server on a free loopback port (GreenMail) that keeps every message the broker sends, and reads
 * them back: recipient, subject, text and HTML parts.
 */
public final class Mailbox implements AutoCloseable {

    public record Mail(List<String> to, String subject, String text, String html) {
        public boolean to(String address) {
            return to.stream().anyMatch(t -> t.equalsIgnoreCase(address));
        }
    }

    private final int smtpPort;
    private GreenMail greenMail;

    public Mailbox() {
        this(freePort());
    }

    private Mailbox(int smtpPort) {
        this.smtpPort = smtpPort;
        start();
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Starts (again) on the same port, with an empty store. */
    public void start() {
        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** Stops the SMTP server: the broker's sends then fail as with a relay that is down. */
    public void stop() {
        greenMail.stop();
    }

    public List<Mail> all() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(Mailbox::mail).toList();
    }

    public List<Mail> matching(Predicate<Mail> filter) {
        return all().stream().filter(filter).toList();
    }

    /** Waits (bounded) for a message matching the filter. */
    public Optional<Mail> await(Predicate<Mail> filter, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<Mail> found = all().stream().filter(filter).findFirst();
            if (found.isPresent()) {
                return found;
            }
            PasserelleServer.sleep(250);
        }
        return Optional.empty();
    }

    private static Mail mail(MimeMessage message) {
        try {
            List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
            List<String> texts = new ArrayList<>();
            List<String> htmls = new ArrayList<>();
            collect(message, texts, htmls);
            return new Mail(to, message.getSubject(), String.join("\n", texts), String.join("\n", htmls));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Part part, List<String> texts, List<String> htmls) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, texts, htmls);
            }
        } else if (part.isMimeType("text/html")) {
            htmls.add(content.toString());
        } else if (part.isMimeType("text/plain")) {
            texts.add(content.toString());
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static int freePort() {
        try {
            return PasserelleServer.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
