// Loaded into the benchmark's Chromium page before any of its scripts (Playwright's addInitScript;
// plain JavaScript, run as it is). It records when the thread's request started and its answer
// arrived (performance.now(): from the start of navigation), when the first
// comment was drawn, and long tasks, and offers the measurements browser.ts calls as
// window.riposteBench.*. Only the README's contract is assumed: the <riposte-thread> element, its
// riposte-loaded event, comments as elements with id="comment-N" in its shadow tree, and (where a
// thread reads in pages) its "Show more comments" button, the part named more-button.
(() => {
  const figures = { requestStart: null, responseEnd: null, loaded: null, firstDrawn: null, longTasks: [] };

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) figures.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name.includes('/api/v1/threads') && figures.responseEnd === null) {
        figures.requestStart = entry.startTime;
        figures.responseEnd = entry.responseEnd;
      }
  }).observe({ type: 'resource', buffered: true });
  document.addEventListener('riposte-loaded', () => {
    figures.loaded ??= performance.now();
  });

  function hasComment(root) {
    if (root.querySelector('[id^="comment-"]')) return true;
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot && hasComment(element.shadowRoot)) return true;
    return false;
  }
  function poll() {
    const root = document.querySelector('riposte-thread')?.shadowRoot;
    // The frame whose callbacks found it paints it; the task after that frame is when it is on screen.
    if (root && hasComment(root))
      setTimeout(() => {
        // A mark, so a trace of the load (browser.ts --trace) can find this moment.
        figures.firstDrawn = performance.mark('riposte-first-drawn').startTime;
      }, 0);
    else requestAnimationFrame(poll);
  }
  requestAnimationFrame(poll);

  /** Every element, shadow trees included, and the comments among them. */
  function countElements() {
    let elements = 0;
    let comments = 0;
    const walk = (root) => {
      for (const element of root.querySelectorAll('*')) {
        elements++;
        if (element.id.startsWith('comment-')) comments++;
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    return { elements, comments };
  }

  /** Cheap enough to call while drawing: comments drawn so far in the thread's own shadow root, and when. */
  function countDrawn() {
    const root = document.querySelector('riposte-thread')?.shadowRoot;
    return { comments: root?.querySelectorAll('[id^="comment-"]').length ?? 0, at: performance.now() };
  }

  /** Scrolls to the bottom (for at most a minute), 0.9 of a screen per frame: how long it took, frames, frames over 50 ms. */
  function scrollToBottom() {
    return new Promise((done) => {
      const start = performance.now();
      let last = start;
      let frames = 0;
      let slowFrames = 0;
      let longestFrame = 0;
      const step = (now) => {
        frames++;
        longestFrame = Math.max(longestFrame, now - last);
        if (now - last > 50) slowFrames++;
        last = now;
        const bottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
        if (bottom || now - start > 60_000) done({ ms: now - start, frames, slowFrames, longestFrame, bottom });
        else {
          window.scrollBy(0, window.innerHeight * 0.9);
          requestAnimationFrame(step);
        }
      };
      requestAnimationFrame(step);
    });
  }

  /**
   * Presses "Show more comments" and waits until more comments are drawn (the task after the frame
   * that found them): how long it took, how many came in that frame, and when the press was (the
   * rest of the page may follow in later frames); null where the thread has no such button.
   */
  function showMore() {
    const root = document.querySelector('riposte-thread')?.shadowRoot;
    const button = root?.querySelector('[part~="more-button"]');
    if (!root || !button) return Promise.resolve(null);
    const drawn = () => root.querySelectorAll('[id^="comment-"]').length;
    const before = drawn();
    const start = performance.now();
    button.click();
    return new Promise((done) => {
      const poll = () => {
        if (drawn() > before) setTimeout(() => done({ ms: performance.now() - start, added: drawn() - before, pressedAt: start }), 0);
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
  }

  window.riposteBench = { figures, countElements, countDrawn, scrollToBottom, showMore };
})();
