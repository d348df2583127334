import './style.css';
import { render } from 'preact';
import { openDatabase } from '../../lib/db/database';
import { sendToBackground } from '../../lib/messaging/client';
import { SidePanelApp } from './App';
import { searchForTarget, targetFromSearch, type PanelTarget } from './navigation';
import { browserNavigationSource } from './navigation-source';

/** Mirrors the current view into the URL so a reload shows the same segment and lead. */
function rememberInUrl(target: PanelTarget): void {
  history.replaceState(null, '', `${location.pathname}${searchForTarget(target)}`);
}

render(
  <SidePanelApp
    db={openDatabase()}
    send={sendToBackground}
    initialTarget={targetFromSearch(location.search)}
    navigation={browserNavigationSource()}
    onTargetChange={rememberInUrl}
  />,
  document.getElementById('app')!,
);
