package uk.safeguarding.workflow.oversight;

import java.util.ArrayList;
import java.util.List;

import uk.safeguarding.workflow.oversight.Dashboard.Count;

/**
 * A horizontal bar chart laid out on the server, drawn as SVG by the page (no script, no
 * inline style): one bar per figure, its label and value written beside it, and the same
 * figures in a table next to it for anyone who cannot see the chart.
 */
public record Chart(String id, String title, int width, int height, List<Bar> bars) {

	static final int ROW = 28;

	static final int LABEL_WIDTH = 260;

	static final int BAR_WIDTH = 300;

	/** One bar: its figure and where it is drawn. */
	public record Bar(String label, long value, int y, int length, int textY) {
	}

	public static Chart of(String id, String title, List<Count> counts) {
		long max = counts.stream().mapToLong(Count::count).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		int y = 4;
		for (Count count : counts) {
			int length = (max > 0) ? (int) Math.round(BAR_WIDTH * (double) count.count() / max) : 0;
			bars.add(new Bar(count.label(), count.count(), y, Math.max(length, (count.count() > 0) ? 2 : 0), y + 16));
			y += ROW;
		}
		return new Chart(id, title, LABEL_WIDTH + BAR_WIDTH + 60, Math.max(y + 4, 30), bars);
	}

	public int barX() {
		return LABEL_WIDTH;
	}

	public int labelX() {
		return LABEL_WIDTH - 8;
	}

	public int valueX(Bar bar) {
		return LABEL_WIDTH + bar.length() + 6;
	}

	public String viewBox() {
		return "0 0 " + this.width + " " + this.height;
	}

	/** What the chart shows, in words, for its SVG description. */
	public String summary() {
		StringBuilder text = new StringBuilder();
		for (Bar bar : this.bars) {
			text.append(bar.label()).append(": ").append(bar.value()).append(". ");
		}
		return this.bars.isEmpty() ? "No figures for this period." : text.toString().strip();
	}

}
