package vn.vanthu.incoming;

import vn.vanthu.error.ApiException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the header and the attachments of an edXML message (QCVN 102:2016) as {@code dispatch.EdXml} writes it.
 * Hostile input is refused before anything is kept: a DOCTYPE (and so every entity) is an error, nesting is bounded
 * ({@value #MAX_DEPTH} levels), attachments are bounded in number; the message size is bounded by the upload limit.
 * Streaming (StAX): only the elements named below are kept, by their path of local names.
 *
 * <pre>{@code EdXmlReader.Message m = EdXmlReader.read(bytes);  m.field("Subject"); m.attachments().get(0).bytes();}</pre>
 */
final class EdXmlReader {
    static final int MAX_DEPTH = 40;
    static final int MAX_ATTACHMENTS = 50;
    private static final String HEADER = "edXML/edXMLEnvelope/edXMLHeader/MessageHeader/";
    private static final String ATTACHMENT = "edXML/AttachmentEncoded/Attachment/";
    private static final int MAX_FIELD = 4000;

    /** A file carried in {@code AttachmentEncoded}. */
    record Attachment(String name, String contentType, byte[] bytes) {}

    /** The header fields by their path under MessageHeader ("From/OrganName", "Subject", …) and the files. */
    record Message(Map<String, String> header, List<Attachment> attachments) {
        String field(String path) {
            String v = header.get(path);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    private EdXmlReader() {}

    /**
     * True when the bytes are XML naming edXML near the start: such a file is read as a message, so that a hostile
     * one (a DOCTYPE before the root) is refused by {@link #read} rather than kept as an ordinary upload.
     */
    static boolean looksLikeEdXml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), java.nio.charset.StandardCharsets.UTF_8);
        String start = head.startsWith("\uFEFF") ? head.substring(1).stripLeading() : head.stripLeading();
        return start.startsWith("<") && head.contains("edXML");
    }

    static Message read(byte[] xml) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        Map<String, String> header = new HashMap<>();
        List<Attachment> attachments = new ArrayList<>();
        Map<String, String> current = new HashMap<>();
        Deque<String> path = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                while (r.hasNext()) {
                    switch (r.next()) {
                        case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE -> throw refused("a DOCTYPE or an entity");
                        case XMLStreamConstants.START_ELEMENT -> {
                            path.addLast(r.getLocalName());
                            if (path.size() > MAX_DEPTH) {
                                throw refused("nesting deeper than " + MAX_DEPTH + " levels");
                            }
                            text.setLength(0);
                        }
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
                        case XMLStreamConstants.END_ELEMENT -> {
                            String p = String.join("/", path);
                            if (p.startsWith(HEADER) && text.length() <= MAX_FIELD) {
                                header.putIfAbsent(p.substring(HEADER.length()), text.toString());
                            } else if (p.startsWith(ATTACHMENT)) {
                                current.put(p.substring(ATTACHMENT.length()), text.toString());
                            } else if (p.equals(ATTACHMENT.substring(0, ATTACHMENT.length() - 1))) {
                                attachments.add(attachment(current));
                                current.clear();
                                if (attachments.size() > MAX_ATTACHMENTS) {
                                    throw refused("more than " + MAX_ATTACHMENTS + " attachments");
                                }
                            }
                            path.removeLast();
                            text.setLength(0);
                        }
                        default -> { }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw ApiException.unprocessable("INVALID_EDXML", "The edXML message is not well-formed XML", "file");
        }
        if (header.isEmpty()) {
            throw ApiException.unprocessable("INVALID_EDXML", "The message has no edXML MessageHeader", "file");
        }
        return new Message(header, attachments);
    }

    private static Attachment attachment(Map<String, String> fields) {
        String name = fields.getOrDefault("AttachmentName", "").trim();
        String type = fields.getOrDefault("ContentType", "").trim();
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(fields.getOrDefault("Value", ""));
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("INVALID_EDXML", "An attachment's Value is not base64", "file");
        }
        if (bytes.length == 0) {
            throw ApiException.unprocessable("INVALID_EDXML", "An attachment of the message is empty", "file");
        }
        return new Attachment(name.isEmpty() ? "attachment.pdf" : name, type.isEmpty() ? "application/octet-stream" : type, bytes);
    }

    private static ApiException refused(String what) {
        return ApiException.unprocessable("INVALID_EDXML", "The edXML message is refused: it holds " + what, "file");
    }
}
