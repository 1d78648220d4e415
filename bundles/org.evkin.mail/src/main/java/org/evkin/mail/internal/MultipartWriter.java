package org.evkin.mail.internal;

import jakarta.activation.ActivationDataFlavor;
import jakarta.activation.CommandInfo;
import jakarta.activation.CommandMap;
import jakarta.activation.DataContentHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a multipart body without the activation framework's mailcap look-up, which in OSGi depends on which bundle
 * the thread's context class loader sees; given to the message's DataHandler as its own command map.
 */
final class MultipartWriter extends CommandMap implements DataContentHandler {

    @Override
    public DataContentHandler createDataContentHandler(String mimeType) {
        return mimeType != null && mimeType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/") ? this : null;
    }

    @Override
    public void writeTo(Object obj, String mimeType, OutputStream os) throws IOException {
        if (!(obj instanceof MimeMultipart multipart)) {
            throw new IOException("expected a MimeMultipart for " + mimeType + ", got " + obj.getClass().getName());
        }
        try {
            multipart.writeTo(os);
        } catch (MessagingException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public Object getContent(DataSource ds) throws IOException {
        try {
            return new MimeMultipart(ds);
        } catch (MessagingException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public ActivationDataFlavor[] getTransferDataFlavors() {
        return new ActivationDataFlavor[0];
    }

    @Override
    public Object getTransferData(ActivationDataFlavor df, DataSource ds) throws IOException {
        return null;
    }

    @Override
    public CommandInfo[] getPreferredCommands(String mimeType) {
        return new CommandInfo[0];
    }

    @Override
    public CommandInfo[] getAllCommands(String mimeType) {
        return new CommandInfo[0];
    }

    @Override
    public CommandInfo getCommand(String mimeType, String cmdName) {
        return null;
    }
}
