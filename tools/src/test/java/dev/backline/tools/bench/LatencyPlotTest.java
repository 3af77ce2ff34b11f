package dev.backline.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LatencyPlotTest {
    private static final List<LatencyStep> STEPS = List.of(
            new LatencyStep(50, 100, 99.5, 12, 30, 60, 90, 0, 0, 0),
            new LatencyStep(100, 200, 198, 15, 45, 95, 150, 0, 1, 0),
            new LatencyStep(200, 400, 380, 40, 300, 900, 1500, 2, 20, 3));

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void drawsTheThreePercentilesAsLinesThroughEveryStep() throws Exception {
        Document svg = parse(LatencyPlot.svg("a <title> & more", STEPS, 110));

        NodeList lines = svg.getElementsByTagName("polyline");
        assertThat(lines.getLength()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(((Element) lines.item(i)).getAttribute("points").split(" ")).hasSize(STEPS.size());
        }
        assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(3 * STEPS.size());
        assertThat(svg.getDocumentElement().getTextContent()).contains("a <title> & more", "target 110 ms", "p50", "p99");
    }

    @Test
    void higherLatencyIsDrawnHigherAndMoreLoadFurtherRight() throws Exception {
        Document svg = parse(LatencyPlot.svg("t", STEPS, 110));
        String[] p99 = ((Element) svg.getElementsByTagName("polyline").item(2)).getAttribute("points").split(" ");

        double[] first = point(p99[0]);
        double[] last = point(p99[2]);
        assertThat(last[0]).isGreaterThan(first[0]);
        assertThat(last[1]).as("SVG's y grows downwards").isLessThan(first[1]);
    }

    @Test
    void axisEndsAreRoundNumbers() {
        assertThat(LatencyPlot.niceCeiling(380)).isEqualTo(500);
        assertThat(LatencyPlot.niceCeiling(1_900)).isEqualTo(2_000);
        assertThat(LatencyPlot.niceCeiling(0)).isEqualTo(1);
    }

    @Test
    void nothingToPlotIsAnError() {
        assertThatThrownBy(() -> LatencyPlot.svg("t", List.of(), 110)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] point(String xy) {
        String[] parts = xy.split(",");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }
}
