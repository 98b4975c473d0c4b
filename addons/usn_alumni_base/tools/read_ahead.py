# Copyright 2026 University of South-Eastern Norway
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reading a stream ahead in a thread of its own.

An import spends its time in two places that can work at once: reading and
checking the rows of the file (Python) and writing them (PostgreSQL, while
the Python side waits for it). :func:`read_ahead` lets the next batches be
read while the current one is written. The items are produced in the
thread, so producing them must not touch the Odoo environment (its cursor
belongs to the request).
"""

import queue
import threading

# How long the reader waits, at most, before it looks again whether it
# should stop.
POLL_SECONDS = 0.1
_DONE = object()


def read_ahead(iterable, depth=2):
    """Iterate over ``iterable`` in a thread, at most ``depth`` items ahead.

    Items come out in order; an exception raised while producing them is
    raised here, at the item where it happened. Leaving the loop early (or
    closing this generator) stops the thread and closes ``iterable``.
    """
    items = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item):
        while not stop.is_set():
            try:
                items.put(item, timeout=POLL_SECONDS)
                return True
            except queue.Full:
                continue
        return False

    def produce():
        iterator = iter(iterable)
        try:
            for item in iterator:
                if not put((item, None)):
                    return
            put((_DONE, None))
        except Exception as error:  # handed over to the consumer
            put((_DONE, error))
        finally:
            close = getattr(iterator, "close", None)
            if close:
                close()

    thread = threading.Thread(target=produce, name="read_ahead", daemon=True)
    thread.start()
    try:
        while True:
            item, error = items.get()
            if error is not None:
                raise error
            if item is _DONE:
                return
            yield item
    finally:
        stop.set()
        thread.join()
