import type { DockerLessonsApi } from '../api';

/** The API activate() returns: the activation figure now, everything else from dist/main.js on first call. */
export function lazyApi(activationMs: number, api: () => DockerLessonsApi): DockerLessonsApi {
    return {
        activationMs,
        checkCommandTable: () => api().checkCommandTable(),
        engineState: () => api().engineState(),
        snapshot: () => api().snapshot(),
        whenIdle: () => api().whenIdle(),
        dockerfileView: (uri) => api().dockerfileView(uri),
        dockerfilePanelColumn: (uri) => api().dockerfilePanelColumn(uri),
        dockerfilePanelPress: (uri, message) => api().dockerfilePanelPress(uri, message),
        viewText: () => api().viewText(),
        containerRow: (id) => api().containerRow(id),
        notices: () => api().notices(),
        simulateRestrictedMode: (on) => api().simulateRestrictedMode(on),
        lessons: {
            open: (id, select) => api().lessons.open(id, select),
            openLessons: () => api().lessons.openLessons(),
            liveViews: (id) => api().lessons.liveViews(id),
            act: (id, demo, action, arg) => api().lessons.act(id, demo, action, arg),
            completed: () => api().lessons.completed(),
        },
    };
}
