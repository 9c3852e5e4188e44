// d3-hexjson ships no types; this is the part Kingsway uses (src/web/hexmap.ts).
declare module 'd3-hexjson' {
  interface RenderedHex {
    key: string;
    q: number;
    r: number;
    x: number;
    y: number;
    /** The hexagon's corners relative to (x, y), as an SVG points string. */
    points: string;
  }
  interface HexJson {
    layout: 'odd-r' | 'even-r' | 'odd-q' | 'even-q';
    hexes: Record<string, { q: number; r: number }>;
  }
  const d3hexjson: { renderHexJSON(hexjson: HexJson, width: number, height: number): RenderedHex[] };
  export default d3hexjson;
}
