import type { ImageRecord } from '../../engine/docker/world.ts';
import type { ContainerId, LayerId } from '../../engine/ids.ts';
import type { LineResult, Session } from '../../shell/session.ts';
import { createSession, runLine } from '../../shell/session.ts';
import type { StepContext } from '../context.ts';
import { stackContext } from '../context.ts';
import type { Step } from '../step.ts';
import { stepsFor } from '../steps.ts';

export interface Ran {
  readonly result: LineResult;
  readonly steps: Step[];
  readonly ctx: StepContext;
}

/**
 * A real session for timeline tests: the built-in `demo` image, `docker run -d --name web demo`,
 * then a shell in it (`docker exec -it web sh`). `run` types a line and turns its engine events into
 * steps with the context the page would build (the container the line ran in, the World after it).
 */
export class DemoContainer {
  session: Session;
  readonly id: ContainerId;

  constructor(runArgs = '') {
    this.session = createSession();
    this.type(`docker run -d --name web ${runArgs} demo`.replace(/ +/g, ' '));
    this.type('docker exec -it web sh');
    this.id = this.frameContainer()!;
  }

  run(line: string): Ran {
    const before = this.frameContainer();
    const result = this.type(line);
    const ctx = stackContext(this.session.world, before ?? null);
    return { result, steps: stepsFor({ line, events: result.events }, ctx), ctx };
  }

  /** Leave the container shell for the host's. */
  exit(): void {
    this.type('exit');
  }

  private type(line: string): LineResult {
    const r = runLine(this.session, line);
    this.session = r.session;
    return r;
  }

  private frameContainer(): ContainerId | undefined {
    return this.session.frames[this.session.frames.length - 1]?.containerId;
  }

  get upper(): LayerId {
    return this.session.world.containers.get(this.id)!.upper.id;
  }

  get init(): LayerId {
    return this.session.world.containers.get(this.id)!.init.id;
  }

  /** The demo image's layers, base first: imageLayers[2] is "layer 3". */
  get imageLayers(): LayerId[] {
    const w = this.session.world;
    const image = w.images.get(w.containers.get(this.id)!.imageId)!;
    return image.chain.map((c) => w.layers.get(c)!.layer.id);
  }

  image(ref: string): ImageRecord {
    const w = this.session.world;
    return w.images.get(w.tags.get(ref)!)!;
  }
}
