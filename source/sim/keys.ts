// Object keys used by the state tables and indexes.

export const objectKey = (namespace: string, name: string): string => `${namespace}/${name}`;

export const workloadKey = (kind: string, namespace: string, name: string): string => `${kind}/${namespace}/${name}`;
