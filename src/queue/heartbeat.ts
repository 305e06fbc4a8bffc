import { writeFile } from 'node:fs/promises';

export const HEARTBEAT_EVERY_MS = 5_000;

/**
 * Writes the current time to a file every few seconds from the event loop, so a health check can tell a
 * live worker from a hung or dead one by the file's age. Returns a function that stops it.
 */
export function startHeartbeat(file: string, onError: (err: unknown) => void): () => void {
  const beat = () => writeFile(file, new Date().toISOString()).catch(onError);
  void beat();
  const timer = setInterval(beat, HEARTBEAT_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
