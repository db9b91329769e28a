/**
 * Memo of int32 rows (`width` values each) kept in one flat, growable Int32Array, so that summing a
 * row costs plain typed-array reads. Keys are non-negative int32s (open addressing) or strings (a Map
 * to row indices). Row indices stay valid while the table grows; `reserve(n)` (call before a batch
 * that adds at most `n` rows) clears everything first when the batch could exceed `maxRows`, so the
 * memory stays bounded and rows handed out within a batch stay valid until the next `reserve`.
 */
export class RowCache {
  rows: Int32Array;
  count = 0;
  private slots: Int32Array;
  private slotRows: Int32Array;
  private mask: number;
  private readonly names = new Map<string, number>();

  constructor(
    readonly width: number,
    private readonly maxRows = 1 << 18,
  ) {
    this.rows = new Int32Array(1024 * width);
    this.slots = new Int32Array(2048).fill(-1);
    this.slotRows = new Int32Array(2048);
    this.mask = 2047;
  }

  /** Make room for up to `n` new rows (clears the cache if they might not fit). */
  reserve(n: number): void {
    if (this.count + n > this.maxRows) this.clear();
    this.grow(this.count + n);
  }

  private grow(rows: number): void {
    const need = rows * this.width;
    if (need > this.rows.length) {
      let len = this.rows.length;
      while (len < need) len *= 2;
      const grown = new Int32Array(len);
      grown.set(this.rows.subarray(0, this.count * this.width));
      this.rows = grown;
    }
  }

  clear(): void {
    this.count = 0;
    this.slots.fill(-1);
    this.names.clear();
  }

  /** Offset in `rows` of the row for `key` (≥ 0), filled by `fill(key, rows, offset)` when new. */
  byInt(key: number, fill: (key: number, rows: Int32Array, offset: number) => void): number {
    let s = Math.imul(key, 0x9e3779b1) & this.mask;
    for (;;) {
      const k = this.slots[s];
      if (k === key) return this.slotRows[s] * this.width;
      if (k === -1) break;
      s = (s + 1) & this.mask;
    }
    const row = this.add();
    this.slots[s] = key;
    this.slotRows[s] = row;
    fill(key, this.rows, row * this.width);
    if (this.count * 2 > this.mask) this.rehash();
    return row * this.width;
  }

  /** Offset in `rows` of the row named `name`, filled by `fill(rows, offset)` when new. */
  byName(name: string, fill: (rows: Int32Array, offset: number) => void): number {
    const r = this.names.get(name);
    if (r !== undefined) return r * this.width;
    const row = this.add();
    this.names.set(name, row);
    fill(this.rows, row * this.width);
    return row * this.width;
  }

  private add(): number {
    this.grow(this.count + 1);
    const row = this.count++;
    this.rows.fill(0, row * this.width, (row + 1) * this.width);
    return row;
  }

  private rehash(): void {
    const oldSlots = this.slots;
    const oldRows = this.slotRows;
    const size = oldSlots.length * 2;
    this.slots = new Int32Array(size).fill(-1);
    this.slotRows = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < oldSlots.length; i++) {
      const key = oldSlots[i];
      if (key === -1) continue;
      let s = Math.imul(key, 0x9e3779b1) & this.mask;
      while (this.slots[s] !== -1) s = (s + 1) & this.mask;
      this.slots[s] = key;
      this.slotRows[s] = oldRows[i];
    }
  }
}
