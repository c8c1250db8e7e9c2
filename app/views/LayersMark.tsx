/** Three stacked layers, the top one in the accent colour: the upper over the image layers. */
export function LayersMark({ size, className }: { size: number; className: string }) {
  return (
    <svg
      className={className}
      viewBox="0 0 32 32"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <path className="mark-low" d="M16 20.5 3 14l3-1.5 10 5 10-5 3 1.5z" />
      <path className="mark-low" d="M16 25.5 3 19l3-1.5 10 5 10-5 3 1.5z" />
      <path className="mark-top" d="M16 15.5 3 9l13-6.5L29 9z" />
    </svg>
  );
}
