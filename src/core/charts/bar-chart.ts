/** A horizontal bar chart as numbers, and the port that turns one into an image URL. */

/** One bar: its label and its value, which may be zero or negative. */
export interface ChartBar {
  label: string;
  value: number;
}

/** What a chart shows; the kind also decides how long its image is kept. */
export interface BarChart {
  kind: 'stats' | 'digest';
  title: string;
  bars: ChartBar[];
}

/** Publishes chart images where the chat platforms can fetch them. */
export interface ChartImages {
  /** The image's public URL, or null when no image could be made (the text stays). */
  publish(tenant: string, chart: BarChart): Promise<string | null>;
}
