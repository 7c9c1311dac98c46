import type { DemoCluster } from './demo-types.js';

export const DEMO_CLUSTERS: DemoCluster[] = [
  {
    slug: 'lmmc',
    name: 'Luxembourg Materials & Manufacturing Cluster',
    description:
      'The national cluster of Luxembourg for materials, manufacturing and the companies and research organisations that serve them.',
    website: 'https://www.luxinnovation.lu',
  },
  {
    slug: 'techland',
    name: 'TECH.LAND Advanced Manufacturing & Robotics cluster',
    description:
      'A cross-border cluster of the Greater Region (Luxembourg, Wallonia, Lorraine, Saarland, Rhineland-Palatinate) for advanced manufacturing and robotics.',
    website: 'https://www.techland.eu',
  },
];
