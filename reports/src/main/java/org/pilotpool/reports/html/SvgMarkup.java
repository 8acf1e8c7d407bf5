package org.pilotpool.reports.html;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Writes a generated SVG element tree as compact markup for inlining into the page: no XML
 * declaration, no indentation, single-quoted attributes, every markup character of text and
 * attribute values escaped (chart labels carry user text), and none of the namespace
 * declarations a standalone SVG file would need beyond the SVG one.
 */
final class SvgMarkup {
  private SvgMarkup() {}

  static String of(Node root) {
    StringBuilder out = new StringBuilder(1 << 14);
    write(root, out);
    return out.toString();
  }

  private static void write(Node node, StringBuilder out) {
    switch (node.getNodeType()) {
      case Node.ELEMENT_NODE -> {
        out.append('<').append(node.getNodeName());
        Element element = (Element) node;
        // The id first, where a reader (or a test) looks for it; the rest in the DOM's order.
        if (element.hasAttribute("id")) {
          attribute("id", element.getAttribute("id"), out);
        }
        boolean root = !(node.getParentNode() instanceof Element);
        if (root) {
          attribute("xmlns", node.getNamespaceURI(), out);
        }
        NamedNodeMap attributes = node.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
          Attr a = (Attr) attributes.item(i);
          // Namespace declarations: the root's SVG one is written above, and the XLink one a
          // standalone file declares is unused (nothing is linked).
          if (!a.getName().equals("id") && !a.getName().startsWith("xmlns")) {
            attribute(a.getName(), a.getValue(), out);
          }
        }
        if (!node.hasChildNodes()) {
          out.append("/>");
          return;
        }
        out.append('>');
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
          write(child, out);
        }
        out.append("</").append(node.getNodeName()).append('>');
      }
      case Node.TEXT_NODE -> out.append(Html.escape(node.getNodeValue()));
      default -> throw new IllegalStateException(
          "unexpected node in generated SVG: " + node.getNodeName());
    }
  }

  private static void attribute(String name, String value, StringBuilder out) {
    out.append(' ').append(name).append("='").append(Html.escape(value)).append('\'');
  }
}
