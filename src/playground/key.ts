/** Where the playground's world is saved: its own localStorage key, apart from sandbox saves. */
export const WORLD_KEY = 'iamlab:playground:world';
