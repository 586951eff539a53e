package vn.vanthu.signing.shortcuts;

import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.List;

/** A list of nodes as a DOM {@link NodeList}: what the XPath shortcuts answer. */
record NodesOf(List<Node> nodes) implements NodeList {
    @Override
    public Node item(int index) {
        return index >= 0 && index < nodes.size() ? nodes.get(index) : null;
    }

    @Override
    public int getLength() {
        return nodes.size();
    }
}
