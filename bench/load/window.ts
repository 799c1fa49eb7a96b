/** The measured window, in `performance.now()` time; samples count only if sent inside it. */
export class Window {
  start = Number.POSITIVE_INFINITY
  end = Number.POSITIVE_INFINITY

  contains(time: number): boolean {
    return time >= this.start && time < this.end
  }

  get seconds(): number {
    return (this.end - this.start) / 1000
  }
}
