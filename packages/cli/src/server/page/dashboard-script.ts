import { CLIENT_ACTIONS } from './client-actions.js';
import { CLIENT_CHART } from './client-chart.js';
import { CLIENT_DOM } from './client-dom.js';
import { CLIENT_MAIN } from './client-main.js';
import { CLIENT_MIGRATIONS } from './client-migrations.js';
import { CLIENT_PANELS } from './client-panels.js';

/**
 * The page's script, served as `/assets/dashboard.js`: plain browser
 * JavaScript kept in strings so that the built package needs no asset copy
 * step and the page no front-end build. One scope, strict mode.
 */
export const DASHBOARD_SCRIPT = ['(function () {', "'use strict';", CLIENT_DOM, CLIENT_CHART, CLIENT_MIGRATIONS, CLIENT_PANELS, CLIENT_ACTIONS, CLIENT_MAIN, '})();', ''].join('\n');
