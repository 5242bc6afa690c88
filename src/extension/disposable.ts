/**
 * The base of every class of the extension layer that holds VS Code resources: it keeps what it
 * registers (listeners, commands, providers, emitters, watchers) and disposes of it once, in the
 * order it was registered.
 */
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposedOf = false;

  /** True once `dispose()` has run. */
  protected get isDisposed(): boolean {
    return this.disposedOf;
  }

  /** Keeps `value` to dispose of with this object; returns it. */
  protected register<T extends vscode.Disposable>(value: T): T {
    if (this.disposedOf) value.dispose();
    else this.owned.push(value);
    return value;
  }

  /** Keeps each of `values` to dispose of with this object. */
  protected registerAll(...values: vscode.Disposable[]): void {
    for (const value of values) this.register(value);
  }

  dispose(): void {
    if (this.disposedOf) return;
    this.disposedOf = true;
    for (const d of this.owned.splice(0)) d.dispose();
  }
}
