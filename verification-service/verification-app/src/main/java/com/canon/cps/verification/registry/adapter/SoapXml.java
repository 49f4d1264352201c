package com.canon.cps.verification.registry.adapter;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reading SOAP answers: a namespace-aware parser that refuses document types and external entities (an answer is data
 * from outside, never a reason to fetch anything).
 */
final class SoapXml {

    static final String SOAP_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    /** The UID web service's shared namespace of its fault details ({@code error}, {@code errorDetail}). */
    static final String UID_SHARED = "http://www.uid.admin.ch/xmlns/uid-wse-shared/2";

    private SoapXml() {}

    /** The parsed answer; empty when it is not well-formed XML. */
    static Optional<Document> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return Optional.of(builder.parse(new InputSource(new StringReader(body))));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return Optional.empty();
        }
    }

    /** The text of the first element {@code namespace}:{@code localName}. */
    static Optional<String> text(Document document, String namespace, String localName) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, localName);
        return nodes.getLength() == 0
                ? Optional.empty()
                : Optional.of(nodes.item(0).getTextContent());
    }

    /**
     * The code of a SOAP fault: the detail's {@code error} when the service gave one, else the {@code faultstring};
     * empty when the answer is no fault.
     */
    static Optional<String> faultCode(Document document) {
        if (document.getElementsByTagNameNS(SOAP_ENVELOPE, "Fault").getLength() == 0) {
            return Optional.empty();
        }
        Optional<String> error = text(document, UID_SHARED, "error").map(String::strip);
        if (error.isPresent() && !error.get().isEmpty()) {
            return error;
        }
        NodeList faultStrings = document.getElementsByTagName("faultstring");
        return Optional.of(
                faultStrings.getLength() == 0
                        ? ""
                        : faultStrings.item(0).getTextContent().strip());
    }

    /** Whether the fault's detail is the UID service's {@code infrastructureFault} (its own systems failed). */
    static boolean isInfrastructureFault(Document document) {
        NodeList details = document.getElementsByTagName("detail");
        for (int i = 0; i < details.getLength(); i++) {
            NodeList children = details.item(i).getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if (children.item(j) instanceof Element e && "infrastructureFault".equals(e.getLocalName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
