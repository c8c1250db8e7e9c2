import { useEffect, useRef } from 'react';
import type { Speed } from '../../timeline/durations.ts';
import { stepMs } from '../../timeline/durations.ts';
import type { Step } from '../../timeline/step.ts';

/**
 * Ticks the timeline for a step that the layer stack does not draw (a pull, a container removed
 * while no other is shown): its time on screen passes, then `onStepEnd`. Without it playback would
 * stall on such a step.
 */
export function useStepTimer(
  step: Step | undefined,
  speed: Speed,
  active: boolean,
  onStepEnd: (step: Step) => void,
): void {
  const onEnd = useRef(onStepEnd);
  useEffect(() => {
    onEnd.current = onStepEnd;
  }, [onStepEnd]);
  useEffect(() => {
    if (!active || !step) return;
    const timer = setTimeout(() => onEnd.current(step), stepMs(step, speed));
    return () => clearTimeout(timer);
  }, [step, speed, active]);
}
