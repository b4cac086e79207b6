// The public face of the demo module: loading the demo organisations, users and cases at start.
export { loadDemoCases } from './demo-cases.service';
export { type DemoResult, loadDemoData } from './demo-data.service';
