trigger TaskTrigger on Task(before insert, after insert, after update) {
    new TaskTriggerHandler().run();
}
