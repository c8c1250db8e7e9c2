import { useState } from 'react';
import type { LayerId } from '../../engine/ids.ts';
import type { HistoryItem } from '../../store/derive.ts';
import { formatSize } from './format.ts';
import { moveRowFocus, tabStop } from './roving.ts';
import { useT } from '../../i18n/use-t.ts';
import { explorerMessages, layerText } from './messages.ts';

interface Props {
  readonly image: string;
  readonly items: readonly HistoryItem[];
  readonly onPoint: (layer: LayerId | null) => void;
  /** Browse that layer's own tree in Files. */
  readonly onBrowse: (layer: LayerId) => void;
}

/** `docker history <image>`, newest first; each row that made a layer points at it in the stack. */
export function HistoryTab({ image, items, onPoint, onBrowse }: Props) {
  const [active, setActive] = useState(0);
  const t = useT(explorerMessages);
  return (
    <div className="history-tab">
      <p className="cmdline">
        <code>$ docker history {image}</code>
      </p>
      <ol
        className="entries entries--history"
        aria-label={`docker history ${image}`}
        onKeyDown={(e) => void moveRowFocus(e)}
      >
        {items.map((h, i) => {
          const layer = h.layer;
          const body = (
            <>
              <span className="history__layer">
                {h.label !== null ? (
                  layerText(t, h.label)
                ) : (
                  <span className="history__empty">{t('noLayer')}</span>
                )}
              </span>
              <span className="history__by">
                <code>{h.createdBy || t('noCommand')}</code>
                {h.comment && <span className="muted"> — {h.comment}</span>}
              </span>
              <span className="history__meta">
                <code>{h.id}</code> · {layer ? formatSize(h.size) : 'empty_layer'}
              </span>
            </>
          );
          return (
            <li key={i}>
              {layer ? (
                <button
                  type="button"
                  data-row
                  tabIndex={i === tabStop(active, items.length) ? 0 : -1}
                  className="xrow history"
                  aria-description={t('browseLayer')}
                  onClick={() => onBrowse(layer)}
                  onFocus={() => {
                    setActive(i);
                    onPoint(layer);
                  }}
                  onBlur={() => onPoint(null)}
                  onMouseEnter={() => onPoint(layer)}
                  onMouseLeave={() => onPoint(null)}
                >
                  {body}
                </button>
              ) : (
                <div className="xrow history history--empty">{body}</div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
