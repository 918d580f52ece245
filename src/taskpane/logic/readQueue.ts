/**
 * One workbook read at a time, and no request lost: a request that arrives while a read
 * is under way (Excel's change event for a colleague's edit, a view asking for a fresh
 * read) is merged with any other waiting request and read once right after the current
 * read, instead of being ignored.
 */
export interface ReadQueue<Request> {
  /**
   * Asks for a read. Resolves when a read that started after this call has finished
   * (so the caller sees its own request's result), or right after a failed read.
   */
  request: (r: Request) => Promise<void>;
}

/**
 * Creates a read queue.
 * - `read` does the read for one (merged) request and hands over its result itself;
 * - `merge(waiting, incoming)` combines two waiting requests into one (for example the
 *   union of the changed ranges, fresh when either is fresh);
 * - `fail` gets the error of a failed read; the requests waiting then are kept and read
 *   with the next request.
 */
export function createReadQueue<Request>(
  read: (r: Request) => Promise<void>,
  merge: (waiting: Request, incoming: Request) => Request,
  fail: (e: unknown) => void,
): ReadQueue<Request> {
  let waiting: { request: Request } | null = null;
  let running: Promise<void> | null = null;

  const loop = async (): Promise<void> => {
    try {
      while (waiting) {
        const next = waiting.request;
        waiting = null;
        await read(next);
      }
    } catch (e) {
      fail(e);
    } finally {
      running = null;
    }
  };

  return {
    request(r: Request): Promise<void> {
      waiting = waiting ? { request: merge(waiting.request, r) } : { request: r };
      if (!running) running = loop();
      return running;
    },
  };
}
