package dev.edgevision.trainer.detector.labels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Pascal VOC annotations: one XML file per image with {@code <object><name>} and
 * {@code <bndbox><xmin>..<ymax>} in pixels. A file with no {@code <object>} marks a background image.
 * External entities are refused.
 */
final class VocLabels {
    private VocLabels() {
    }

    static List<LabelledBox> read(Path file, int width, int height, LabelProblems problems) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = factory.newDocumentBuilder().parse(file.toFile());
        } catch (SAXException e) {
            problems.add(file, 0, "is not well-formed XML: " + e.getMessage());
            return List.of();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("this JVM's XML parser cannot be configured safely", e);
        }
        NodeList objects = doc.getElementsByTagName("object");
        List<LabelledBox> boxes = new ArrayList<>();
        for (int i = 0; i < objects.getLength(); i++) {
            Element object = (Element) objects.item(i);
            String name = text(object, "name");
            try {
                LabelledBox box = new LabelledBox(name, number(object, "xmin"), number(object, "ymin"),
                        number(object, "xmax"), number(object, "ymax"));
                LabelledBox checked = BoxCheck.check(box, width, height, file, 0, problems);
                if (checked != null) {
                    boxes.add(checked);
                }
            } catch (NumberFormatException | NullPointerException e) {
                problems.add(file, 0, "object " + (i + 1) + " ('" + name + "') needs numeric bndbox"
                        + " xmin, ymin, xmax and ymax");
            }
        }
        return boxes;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    private static double number(Element parent, String tag) {
        return Double.parseDouble(text(parent, tag));
    }
}
