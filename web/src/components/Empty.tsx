/** An empty state that says what is empty and, ideally, what to do. */
export function Empty({ children }: { children: string }) {
  return <div className="state state-empty">{children}</div>;
}
