"""collections.ChainMap: lookup order, writes to the first map, views, new_child/parents, errors."""


def test_chainmap(same_as_cpython):
    same_as_cpython('''
        from collections import ChainMap
        defaults = {"color": "red", "user": "guest", "size": 1}
        env = {"user": "admin"}
        cli = {"size": 3}
        cm = ChainMap(cli, env, defaults)
        print(cm["color"], cm["user"], cm["size"], len(cm), list(cm), dict(cm), cm.get("nope", 0), "user" in cm, "zz" in cm)
        print(cm)
        cm["new"] = 1
        print(cli, cm.maps[0] is cli, cm.parents, list(cm.keys()), list(cm.values()), list(cm.items()))
        child = cm.new_child({"color": "blue"})
        print(child["color"], cm["color"], child.parents["color"], len(child.maps))
        try:
            cm["missing"]
        except KeyError as e:
            print("KeyError", e)
        print(cm.pop("new"), cli)
        try:
            cm.pop("color")
        except KeyError as e:
            print("KeyError", e)
        print(ChainMap(), bool(ChainMap()), ChainMap({"a": 1}) == {"a": 1})
    ''')
