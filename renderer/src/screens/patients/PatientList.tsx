// The patients list, virtualized: only the rows on screen exist in the DOM and
// only their pages are fetched, so 100,000 patients scroll as smoothly as 10.
// A listbox with aria-activedescendant: focus stays on the list while the
// arrow keys move the active row, and Enter opens it.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type Ref } from 'react';
import { rowAt, usePatients } from '../../stores/patients-store';
import { PatientRow } from './PatientRow';

const ROW_HEIGHT = 56;

interface Props {
  id: string;
  listRef: Ref<HTMLDivElement>;
  selectedId: string | null;
  onOpen(id: string): void;
  onExitTop(): void;
}

export function PatientList({ id, listRef, selectedId, onOpen, onExitTop }: Props) {
  const { total, pages, activeIndex, setActiveIndex, ensureRows } = usePatients();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const count = total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh on every render by design
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) ensureRows(first, last);
  }, [first, last, count, pages, ensureRows]);

  const move = (index: number) => {
    const next = Math.min(Math.max(index, 0), count - 1);
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const perPage = Math.max(1, items.length - 2);
    switch (e.key) {
      case 'ArrowDown':
        move(activeIndex + 1);
        break;
      case 'ArrowUp':
        if (activeIndex === 0) onExitTop();
        else move(activeIndex - 1);
        break;
      case 'PageDown':
        move(activeIndex + perPage);
        break;
      case 'PageUp':
        move(activeIndex - perPage);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(count - 1);
        break;
      case 'Enter': {
        const row = rowAt(pages, activeIndex);
        if (row) onOpen(row.id);
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  };

  const activeRendered = items.some((item) => item.index === activeIndex);
  const setRefs = (el: HTMLDivElement | null) => {
    scrollRef.current = el;
    if (typeof listRef === 'function') listRef(el);
    else if (listRef) listRef.current = el;
  };

  return (
    <div
      ref={setRefs}
      id={id}
      className="patient-list"
      role="listbox"
      aria-label="Patients"
      tabIndex={0}
      aria-activedescendant={activeRendered ? `${id}-row-${activeIndex}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => (
          <PatientRow
            key={item.key}
            id={`${id}-row-${item.index}`}
            index={item.index}
            total={count}
            start={item.start}
            height={ROW_HEIGHT}
            patient={rowAt(pages, item.index)}
            active={item.index === activeIndex}
            open={selectedId !== null && rowAt(pages, item.index)?.id === selectedId}
            onPick={(patientId) => {
              setActiveIndex(item.index);
              onOpen(patientId);
            }}
          />
        ))}
      </div>
    </div>
  );
}
