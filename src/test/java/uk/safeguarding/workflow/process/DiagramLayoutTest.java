package uk.safeguarding.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The diagram a supervisor reads (README and docs pictures, Cockpit, Tasklist) stays
 * legible: read from the BPMN DI of every model in {@code bpmn/}, plane by plane (the
 * process and each collapsed sub-process's own drill-down plane), no label lies over
 * another label or over a shape other than its own, every label drawn outside its shape
 * has explicit bounds (so this check is exact, not a guess at where bpmn-js would put
 * it), and no sequence flow runs through a shape it does not connect or a label it does
 * not carry.
 *
 * <p>
 * Lanes, pools and expanded sub-processes are containers: a label or flow inside them is
 * expected, so they are not counted as shapes here.
 */
class DiagramLayoutTest {

	static final Path BPMN = Path.of("bpmn");

	static final List<Plane> PLANES = new ArrayList<>();

	static final Map<String, BpmnModelInstance> MODELS = new TreeMap<>();

	@BeforeAll
	static void readPlanes() throws IOException {
		try (Stream<Path> files = Files.list(BPMN)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".bpmn")).sorted().toList()) {
				BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
				MODELS.put(file.getFileName().toString(), model);
				for (BpmnDiagram diagram : model.getModelElementsByType(BpmnDiagram.class)) {
					PLANES.add(Plane.of(file.getFileName() + "#" + diagram.getId(),
							diagram.getBpmnPlane().getDiagramElements()));
				}
			}
		}
		assertThat(PLANES).as("diagram planes in bpmn/*.bpmn").isNotEmpty();
	}

	@Test
	void everyFlowNodeAndFlow_isDrawnOnceAndEveryCollapsedSubProcessHasItsOwnPage() {
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, BpmnModelInstance> model : MODELS.entrySet()) {
			List<Plane> planes = PLANES.stream().filter((p) -> p.name().startsWith(model.getKey() + "#")).toList();
			List<BaseElement> elements = new ArrayList<>(model.getValue().getModelElementsByType(FlowNode.class));
			elements.addAll(model.getValue().getModelElementsByType(SequenceFlow.class));
			for (BaseElement element : elements) {
				long drawn = planes.stream().filter((p) -> p.drawn().containsKey(element.getId())).count();
				if (drawn != 1) {
					wrong.add(model.getKey() + ": " + element.getId() + " drawn " + drawn + " times");
				}
			}
			for (BpmnShape shape : model.getValue().getModelElementsByType(BpmnShape.class)) {
				if (shape.getBpmnElement() instanceof SubProcess sub && !shape.isExpanded()
						&& model.getValue()
							.getModelElementsByType(BpmnDiagram.class)
							.stream()
							.noneMatch((d) -> d.getBpmnPlane().getBpmnElement() == sub)) {
					wrong.add(model.getKey() + ": collapsed " + sub.getId() + " has no page of its own");
				}
			}
		}
		assertThat(wrong).as("elements missing from, or doubled in, the diagram").isEmpty();
	}

	@Test
	void everyLabelDrawnOutsideItsShape_hasExplicitBounds() {
		List<String> missing = new ArrayList<>();
		for (Plane plane : PLANES) {
			for (Drawn drawn : plane.all()) {
				if (drawn.hasExternalLabel() && drawn.label() == null) {
					missing.add(plane.name() + ": " + drawn.describe());
				}
			}
		}
		assertThat(missing).as("named events, gateways and flows without BPMNLabel bounds").isEmpty();
	}

	@Test
	void noLabel_liesOverAnotherLabel() {
		List<String> overlaps = new ArrayList<>();
		for (Plane plane : PLANES) {
			List<Drawn> labelled = plane.all().stream().filter((d) -> d.label() != null).toList();
			for (int i = 0; i < labelled.size(); i++) {
				for (int j = i + 1; j < labelled.size(); j++) {
					Drawn a = labelled.get(i);
					Drawn b = labelled.get(j);
					if (a.label().overlaps(b.label())) {
						overlaps.add(plane.name() + ": label of " + a.describe() + " over label of " + b.describe());
					}
				}
			}
		}
		assertThat(overlaps).as("labels over labels").isEmpty();
	}

	@Test
	void noLabel_liesOverAShapeOtherThanItsOwn() {
		List<String> overlaps = new ArrayList<>();
		for (Plane plane : PLANES) {
			for (Drawn drawn : plane.all()) {
				if (drawn.label() == null) {
					continue;
				}
				for (Drawn shape : plane.solidShapes()) {
					if (shape != drawn && drawn.label().overlaps(shape.bounds())) {
						overlaps.add(plane.name() + ": label of " + drawn.describe() + " over " + shape.describe());
					}
				}
			}
		}
		assertThat(overlaps).as("labels over shapes").isEmpty();
	}

	@Test
	void noSequenceFlow_runsThroughAShapeItDoesNotConnect() {
		List<String> crossings = new ArrayList<>();
		for (Plane plane : PLANES) {
			for (Drawn edge : plane.edges()) {
				SequenceFlow flow = (SequenceFlow) edge.element();
				for (Drawn shape : plane.solidShapes()) {
					if (edge.touches(shape, flow) || !edge.crosses(shape.bounds().shrunk(2))) {
						continue;
					}
					crossings.add(plane.name() + ": " + edge.describe() + " through " + shape.describe());
				}
			}
		}
		assertThat(crossings).as("flows through shapes they do not connect").isEmpty();
	}

	/**
	 * A line drawn through a label makes it unreadable, and bpmn-js draws flows over
	 * labels: a flow keeps clear of every label but its own.
	 */
	@Test
	void noSequenceFlow_runsThroughALabelOtherThanItsOwn() {
		List<String> crossings = new ArrayList<>();
		for (Plane plane : PLANES) {
			for (Drawn edge : plane.edges()) {
				for (Drawn labelled : plane.all()) {
					if (labelled != edge && labelled.label() != null && edge.crosses(labelled.label().shrunk(1))) {
						crossings.add(
								plane.name() + ": " + edge.describe() + " through the label of " + labelled.describe());
					}
				}
			}
		}
		assertThat(crossings).as("flows through labels they do not carry").isEmpty();
	}

	/** One BPMNDiagram's plane: what it draws, keyed by element id. */
	record Plane(String name, Map<String, Drawn> drawn) {

		static Plane of(String name, Collection<DiagramElement> elements) {
			Map<String, Drawn> drawn = new TreeMap<>();
			for (DiagramElement element : elements) {
				if (element instanceof BpmnShape shape && shape.getBpmnElement() != null) {
					drawn.put(shape.getBpmnElement().getId(), new Drawn(shape.getBpmnElement(),
							Box.of(shape.getBounds()), label(shape.getBpmnLabel()), List.of(), shape.isExpanded()));
				}
				else if (element instanceof BpmnEdge edge && edge.getBpmnElement() != null) {
					drawn.put(edge.getBpmnElement().getId(), new Drawn(edge.getBpmnElement(), null,
							label(edge.getBpmnLabel()), List.copyOf(edge.getWaypoints()), false));
				}
			}
			return new Plane(name, drawn);
		}

		private static Box label(BpmnLabel label) {
			return (label != null && label.getBounds() != null) ? Box.of(label.getBounds()) : null;
		}

		Collection<Drawn> all() {
			return this.drawn.values();
		}

		/**
		 * Shapes a label or flow must keep off: not lanes, pools or expanded
		 * sub-processes.
		 */
		List<Drawn> solidShapes() {
			return all().stream().filter((d) -> d.bounds() != null && !d.isContainer()).toList();
		}

		List<Drawn> edges() {
			return all().stream().filter((d) -> d.element() instanceof SequenceFlow).toList();
		}
	}

	/**
	 * One drawn element: a shape (bounds) or an edge (waypoints), and its label's bounds.
	 */
	record Drawn(BaseElement element, Box bounds, Box label, List<Waypoint> waypoints, boolean expanded) {

		String describe() {
			String name = this.element.getAttributeValue("name");
			return this.element.getId() + ((name == null || name.isBlank()) ? "" : " \"" + name.trim() + "\"");
		}

		boolean isContainer() {
			return this.element instanceof Lane || this.element instanceof Participant
					|| (this.element instanceof SubProcess && this.expanded);
		}

		/**
		 * bpmn-js draws these labels beside the element, where the DI label bounds put
		 * them.
		 */
		boolean hasExternalLabel() {
			String name = this.element.getAttributeValue("name");
			boolean external = this.element instanceof Event || this.element instanceof Gateway
					|| this.element instanceof SequenceFlow || this.element instanceof MessageFlow
					|| this.element instanceof DataObjectReference || this.element instanceof DataStoreReference;
			return external && name != null && !name.isBlank();
		}

		/** The flow's own ends, and the host a boundary event at either end sits on. */
		boolean touches(Drawn shape, SequenceFlow flow) {
			for (FlowNode end : List.of(flow.getSource(), flow.getTarget())) {
				if (end == shape.element()) {
					return true;
				}
				if (end instanceof BoundaryEvent boundary && boundary.getAttachedTo() == shape.element()) {
					return true;
				}
			}
			return false;
		}

		boolean crosses(Box box) {
			for (int i = 0; i + 1 < this.waypoints.size(); i++) {
				Waypoint from = this.waypoints.get(i);
				Waypoint to = this.waypoints.get(i + 1);
				if (box.crossedBy(from.getX(), from.getY(), to.getX(), to.getY())) {
					return true;
				}
			}
			return false;
		}
	}

	record Box(double x, double y, double width, double height) {

		static Box of(Bounds bounds) {
			return new Box(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
		}

		/** Sharing an edge is not an overlap; sharing any area is. */
		boolean overlaps(Box other) {
			return this.x < other.x + other.width && other.x < this.x + this.width && this.y < other.y + other.height
					&& other.y < this.y + this.height;
		}

		Box shrunk(double by) {
			return new Box(this.x + by, this.y + by, Math.max(0, this.width - 2 * by),
					Math.max(0, this.height - 2 * by));
		}

		/**
		 * Whether the segment enters the box (Liang-Barsky clipping against its inside).
		 */
		boolean crossedBy(double x1, double y1, double x2, double y2) {
			double[] p = { -(x2 - x1), x2 - x1, -(y2 - y1), y2 - y1 };
			double[] q = { x1 - this.x, this.x + this.width - x1, y1 - this.y, this.y + this.height - y1 };
			double enter = 0;
			double leave = 1;
			for (int i = 0; i < 4; i++) {
				if (p[i] == 0) {
					if (q[i] <= 0) {
						return false;
					}
				}
				else {
					double t = q[i] / p[i];
					if (p[i] < 0) {
						enter = Math.max(enter, t);
					}
					else {
						leave = Math.min(leave, t);
					}
				}
			}
			return enter < leave;
		}
	}

}
