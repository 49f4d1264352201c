package com.canon.cps.billing.bank;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Secure, namespace-agnostic XML reading for bank files. Invariants: the JDK's own parser with no DTD (a
 * {@code DOCTYPE} is refused), no external entity or schema, no XInclude, secure processing limits; every failure is a
 * {@link BankStatementException} whose message can be shown to the operator. Elements are found by local name, so
 * any version (namespace) of a message reads the same.
 */
final class Xml {

    private Xml() {}

    static Document read(InputStream xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("External entities are not allowed");
            });
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {}

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(xml);
        } catch (SAXParseException e) {
            if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
                throw new BankStatementException("Bank statements with a DOCTYPE (DTD) are refused", e);
            }
            throw new BankStatementException(
                    "The bank statement is not well-formed XML (line " + e.getLineNumber() + ", column "
                            + e.getColumnNumber() + "): " + e.getMessage(),
                    e);
        } catch (SAXException e) {
            throw new BankStatementException("The bank statement could not be parsed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BankStatementException("The bank statement could not be read", e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("Secure XML parsing is not available", e);
        }
    }

    /** The element reached from {@code from} through direct children with these local names, or {@code null}. */
    static Element child(Element from, String... path) {
        Element current = from;
        for (String name : path) {
            if (current == null) {
                return null;
            }
            Element next = null;
            for (Node n = current.getFirstChild(); n != null && next == null; n = n.getNextSibling()) {
                if (n instanceof Element element && name.equals(element.getLocalName())) {
                    next = element;
                }
            }
            current = next;
        }
        return current;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    /** Trimmed text of the element at {@code path}; {@code null} when absent or blank. */
    static String text(Element from, String... path) {
        Element element = child(from, path);
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }
}
